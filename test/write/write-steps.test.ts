/**
 * The pure steps of an API write, without Neo4j: checking a request on its own,
 * validating and planning it against what the graph holds, comparing with what is
 * stored, and the statements that would run. The transaction around them is covered
 * over HTTP by writes.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { diffWrite, type StoredEntity } from '../../src/write/write-diff.js';
import { changeRecordParams, writeMutations } from '../../src/write/write-mutations.js';
import { planWrite, prepareWrite, type KnownEntity } from '../../src/write/write-plan.js';
import { WriteInputError } from '../../src/write/write-input-error.js';

const statement = (over: Record<string, unknown> = {}) => ({
  id: 'stmt-a',
  speaker: 'fomin',
  mode: 'PARAPHRASE',
  text: 'Fomin mengatakan Rusia siap berunding lagi.',
  language: 'id',
  gloss: 'Fomin said Russia is ready to talk again.',
  said: '2022-01-13',
  source: 'report-b',
  mentions: ['nato'],
  ...over,
});
// The one localized field here: when summaries become localized text, only this line changes.
const stanceSummary = [{ lang: 'en', text: 'Russia is open to further talks with NATO.' }];
const stance = (over: Record<string, unknown> = {}) => ({
  id: 'stance-a', holder: 'russia', kind: 'OPEN_TO', date: '2022-01-13', towards: 'nato', summary: stanceSummary, evidence: ['stmt-a'], ...over,
});

const known = (entries: Array<[string, string, string, string?]>): Map<string, KnownEntity> =>
  new Map(entries.map(([id, section, origin, kind]) => [id, { section, label: section, origin, record: { kind } } as KnownEntity]));
/** The graph: two sources of one file (report-a is the main one), actors, a statement from the API. */
const graph = known([
  ['report-a', 'sources', 'report-a'],
  ['report-b', 'sources', 'report-a'],
  ['fomin', 'actors', 'report-a', 'PERSON'],
  ['russia', 'actors', 'report-a', 'STATE'],
  ['nato', 'actors', 'report-a', 'ORGANIZATION'],
  ['stmt-a', 'statements', 'api:report-a'],
]);
const principal: Principal = { keyId: 'k1', name: 'test analyst', scope: 'write' } as Principal;
const nothingStored: StoredEntity = { props: null, rels: [] };

const refusal = (f: () => unknown): { argument: string; message: string } => {
  try {
    f();
  } catch (err) {
    if (err instanceof WriteInputError) return { argument: err.argumentName, message: err.message };
    throw err;
  }
  throw new Error('not refused');
};

describe('prepareWrite', () => {
  it('reads the document from the statement itself, and looks up every id it names once', () => {
    const prepared = prepareWrite('statements', statement({ note: null }), null);
    expect(prepared.document).toBe('report-b');
    expect(prepared.record).not.toHaveProperty('note');
    expect([...prepared.lookup].sort()).toEqual(['fomin', 'nato', 'report-b', 'stmt-a']);
  });

  it('needs the source argument for a fact, naming the argument when it is missing or no id', () => {
    expect(refusal(() => prepareWrite('stances', stance(), null))).toEqual({ argument: 'source', message: 'required: the id of the source document this comes from' });
    expect(refusal(() => prepareWrite('stances', stance(), 'Not An Id')).argument).toBe('source');
    expect(prepareWrite('stances', stance(), 'report-b').document).toBe('report-b');
  });

  it('names the input path of a schema problem', () => {
    expect(refusal(() => prepareWrite('statements', statement({ said: 'yesterday' }), null)).argument).toBe('input.said');
  });
});

describe('planWrite', () => {
  it('joins the file of its document, names the document among a fact\'s sources, and derives the file\'s mentions', () => {
    const plan = planWrite(prepareWrite('stances', stance(), 'report-b'), graph);
    expect(plan.file).toBe('report-a');
    expect(plan.origin).toBe('api:report-a');
    expect(plan.owned.map((r) => r.key).sort()).toEqual([
      'EVIDENCED_BY|stance-a|stmt-a',
      'SOURCED_FROM|stance-a|report-a',
      'SOURCED_FROM|stance-a|report-b',
      'TOOK|russia|stance-a',
      'TOWARDS|stance-a|nato',
    ]);
    expect(plan.derived.map((r) => r.key).sort()).toEqual(['MENTIONS|report-a|nato', 'MENTIONS|report-a|russia']);
    expect(plan.mentionedByFile).toBe(false);
  });

  it('a source is its own file and derives no mentions', () => {
    const plan = planWrite(prepareWrite('sources', { id: 'report-c', kind: 'NEWS_REPORT', title: [{ lang: 'en', text: 'A report' }], language: 'en' }, null), graph);
    expect([plan.file, plan.origin, plan.derived]).toEqual(['report-c', 'api:report-c', []]);
  });

  it('refuses an unknown document, a seed file\'s id, an id of another kind and a reference to the wrong kind, naming the path', () => {
    expect(refusal(() => planWrite(prepareWrite('statements', statement({ source: 'nowhere' }), null), graph))).toEqual({
      argument: 'input.source',
      message: 'unknown source "nowhere" (no source with this id in the graph)',
    });
    expect(refusal(() => planWrite(prepareWrite('stances', stance(), 'nowhere'), graph)).argument).toBe('source');
    expect(refusal(() => planWrite(prepareWrite('statements', statement({ id: 'fomin' }), null), graph))).toEqual({
      argument: 'input.id',
      message: '"fomin" is defined in the seed file of source "report-a": correct it there (seed files own their facts)',
    });
    const apiActor = new Map(graph).set('stmt-x', { section: 'actors', label: 'Actor', origin: 'api:report-a', record: { kind: 'PERSON' } });
    expect(refusal(() => planWrite(prepareWrite('statements', statement({ id: 'stmt-x' }), null), apiActor)).message).toBe('"stmt-x" is already used by an Actor');
    expect(refusal(() => planWrite(prepareWrite('stances', stance({ evidence: ['russia'] }), 'report-a'), graph)).argument).toBe('input.evidence[0]');
  });
});

describe('diffWrite and writeMutations', () => {
  const plan = planWrite(prepareWrite('statements', statement(), null), graph);
  const storedAsPlanned: StoredEntity = { props: { ...plan.node.props, id: plan.id }, rels: plan.owned.map(({ key, type, from, to, props }) => ({ key, type, from, to, props })) };

  it('a new entity is CREATED: every relationship written, the node merged, the mentions derived, nothing pruned', () => {
    const diff = diffWrite(plan, nothingStored);
    expect(diff.outcome).toBe('CREATED');
    expect(diff.changed).toHaveLength(plan.owned.length);
    expect(diff.fields).toContain('gloss');
    expect(diff.fields).toContain('SAID');
    const steps = writeMutations(plan, nothingStored, diff).map((m) => ('query' in m ? m.query : `merge ${m.mergeRelationships.length} relationships`));
    expect(steps).toEqual(['write/merge-nodes', `merge ${plan.owned.length} relationships`, 'write/api-merge-mentions']);
  });

  it('the same content again is UNCHANGED, whatever the order of keys', () => {
    const reordered: StoredEntity = { props: Object.fromEntries(Object.entries(storedAsPlanned.props!).reverse()), rels: [...storedAsPlanned.rels].reverse() };
    expect(diffWrite(plan, reordered)).toEqual({ outcome: 'UNCHANGED', stale: [], changed: [], fields: [] });
  });

  it('a correction is UPDATED: names the changed property and relationship types, deletes the stale relationship, prunes old mentions', () => {
    const corrected = planWrite(prepareWrite('statements', statement({ gloss: 'Fomin said talks may go on.', mentions: ['russia'] }), null), graph);
    const diff = diffWrite(corrected, storedAsPlanned);
    expect(diff.outcome).toBe('UPDATED');
    expect(diff.fields).toEqual(['MENTIONS', 'gloss']);
    expect(diff.stale.map((r) => r.key)).toEqual(['MENTIONS|stmt-a|nato']);
    expect(diff.changed.map((r) => r.key)).toEqual(['MENTIONS|stmt-a|russia']);
    const steps = writeMutations(corrected, storedAsPlanned, diff);
    expect(steps.map((m) => ('query' in m ? m.query : 'merge-relationships'))).toEqual([
      'write/delete-relationships',
      'write/merge-nodes',
      'merge-relationships',
      'write/api-merge-mentions',
      'write/api-prune-mentions',
    ]);
    const prune = steps.at(-1)!;
    if (!('query' in prune)) throw new Error('the last step is no query');
    expect(prune.params.file).toBe('report-a');
    expect([...(prune.params.actorIds as string[])].sort()).toEqual(['fomin', 'nato']);
  });

  it('the audit record names the operation, the kind, the key, and summarises before and after without origin', () => {
    const diff = diffWrite(plan, nothingStored);
    const params = changeRecordParams(plan, nothingStored, diff, 'change-1', principal);
    expect(params).toMatchObject({ id: 'change-1', operation: 'UPSERT_STATEMENT', outcome: 'CREATED', entityId: 'stmt-a', entityKind: 'STATEMENT', origin: 'api:report-a', keyId: 'k1', keyName: 'test analyst', before: null });
    const after = JSON.parse(params.after as string) as { properties: Record<string, unknown>; relationships: string[] };
    expect(after.properties).not.toHaveProperty('origin');
    expect(after.properties.gloss).toBe('Fomin said Russia is ready to talk again.');
    expect(after.relationships).toContain('SAID|fomin|stmt-a');
  });
});
