/**
 * Generated seed documents for the validator's property tests: a valid document as
 * data, an emitter that writes it as YAML and remembers the line of every field, and
 * single faults to inject into it.
 */
import fc from 'fast-check';
import { ACTOR_KINDS, STANCE_KINDS } from '../../src/model/vocabulary.js';
import { hasVisibleText } from '../../src/seed/visible-text.js';

type Scalar = string | number | boolean;
/** A localized text: language tag to text. */
type Texts = Record<string, string>;
type Field = Scalar | string[] | Texts;
/** One entity: field name to a scalar, a list of ids or a text per language, in emission order. */
export type Entity = Record<string, Field>;

/** A seed document: the source and the sections of entities, in emission order. */
export interface SeedDoc {
  source: Entity;
  sections: { name: string; items: Entity[] }[];
}

const pad = (n: number): string => String(n).padStart(2, '0');
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real partial date; a bare year is sometimes an unquoted YAML number, as analysts write it. */
export const realDate: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: 1900, max: 2100 }),
  fc.integer({ min: 1900, max: 2100 }).map(String),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= daysIn(y, m))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
);

/** A date no calendar has. */
export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}-${daysIn(y, m) + 1}`),
  fc.integer({ min: 1900, max: 2100 }).map((y) => `${y}-13`),
  fc.integer({ min: 1900, max: 2100 }).map((y) => `${y}-00-10`),
  fc.constant('2022-02-30'),
  fc.constant('0999'),
);

/** Free text as analysts write it: any unicode, including quotes, colons, '#', YAML and Cypher syntax. */
// Text a reader can see: one made only of whitespace, zero-width or control characters is refused.
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && hasVisibleText(s));
/** A name, title or summary: free text in one to three languages. */
const localized: fc.Arbitrary<Texts> = fc
  .uniqueArray(fc.constantFrom('en', 'id', 'ru', 'pt-BR'), { minLength: 1, maxLength: 3 })
  .chain((tags) => fc.tuple(...tags.map(() => text)).map((texts) => Object.fromEntries(tags.map((t, i) => [t, texts[i]!]))));

/** Ids: lower-case words with single hyphens; all distinct within a document. */
const idArb = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'));

/** A valid seed document: actors (some of them people), issues, statements, demands and stances that refer to them. */
export const validSeedDoc: fc.Arbitrary<SeedDoc> = fc
  .record({
    nActors: fc.integer({ min: 2, max: 6 }),
    nIssues: fc.integer({ min: 0, max: 3 }),
    nStatements: fc.integer({ min: 1, max: 4 }),
    nDemands: fc.integer({ min: 1, max: 3 }),
    nStances: fc.integer({ min: 1, max: 3 }),
  })
  .chain((n) =>
    fc
      .uniqueArray(idArb, { minLength: 1 + n.nActors + n.nIssues + n.nStatements + n.nDemands + n.nStances, maxLength: 1 + n.nActors + n.nIssues + n.nStatements + n.nDemands + n.nStances })
      .chain((ids) => {
        let next = 0;
        const take = (k: number): string[] => ids.slice(next, (next += k));
        const [sourceId] = take(1) as [string];
        const actorIds = take(n.nActors);
        const issueIds = take(n.nIssues);
        const statementIds = take(n.nStatements);
        const demandIds = take(n.nDemands);
        const stanceIds = take(n.nStances);
        const pick = (from: string[]) => fc.constantFrom(...from);
        const some = (from: string[], min = 0) => fc.uniqueArray(pick(from), { minLength: min, maxLength: Math.min(3, from.length) });
        // Actor 0 is a person: every statement is spoken by it, so speakers can always be quoted.
        const actors = fc.tuple(
          ...actorIds.map((id, i) =>
            fc.record({ id: fc.constant(id), kind: i === 0 ? fc.constant('PERSON') : fc.constantFrom(...ACTOR_KINDS), name: localized }),
          ),
        );
        const issues = fc.tuple(...issueIds.map((id) => fc.record({ id: fc.constant(id), name: localized })));
        const statements = fc.tuple(
          ...statementIds.map((id) =>
            fc.record({
              id: fc.constant(id),
              speaker: fc.constant(actorIds[0]!),
              mode: fc.constantFrom('DIRECT_QUOTE', 'PARAPHRASE'),
              text,
              language: fc.constantFrom('id', 'en'),
              gloss: text,
              said: realDate,
              source: fc.constant(sourceId),
            }),
          ),
        );
        const demands = fc.tuple(
          ...demandIds.map((id) =>
            fc.record({ id: fc.constant(id), by: some(actorIds, 1), of: some(actorIds, 1), summary: localized, since: realDate, evidence: some(statementIds) }),
          ),
        );
        const stances = fc.tuple(
          ...stanceIds.map((id) =>
            fc.record({
              id: fc.constant(id),
              holder: pick(actorIds),
              kind: fc.constantFrom(...STANCE_KINDS),
              date: realDate,
              respondsTo: pick(demandIds),
              summary: localized,
              evidence: some(statementIds, 1),
            }),
          ),
        );
        return fc
          .record({
            source: fc.record({ id: fc.constant(sourceId), kind: fc.constant('NEWS_REPORT'), title: localized, language: fc.constant('id') }),
            actors,
            issues,
            statements,
            demands,
            stances,
          })
          .map((d) => ({
            source: d.source,
            sections: [
              { name: 'actors', items: d.actors },
              { name: 'issues', items: d.issues },
              { name: 'statements', items: d.statements },
              { name: 'demands', items: d.demands },
              { name: 'stances', items: d.stances },
            ].filter((s) => s.items.length > 0) as SeedDoc['sections'],
          }));
      }),
  );

/** A scalar as YAML: strings double-quoted (JSON escapes are YAML escapes), numbers bare. */
function scalar(v: Scalar): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Writes a document as YAML; `lines` maps `path` (as the validator formats it) to its 1-based line. */
export function emitYaml(doc: SeedDoc): { text: string; lines: Map<string, number> } {
  const out: string[] = ['# generated by test/property/seed-documents.ts'];
  const lines = new Map<string, number>();
  const field = (indent: string, path: string, key: string, value: Field, bullet = false): void => {
    lines.set(`${path}.${key}`, out.length + 1);
    const rendered = Array.isArray(value)
      ? `[${value.map(scalar).join(', ')}]`
      : typeof value === 'object'
        ? `{ ${Object.entries(value).map(([tag, t]) => `${tag}: ${scalar(t)}`).join(', ')} }`
        : scalar(value);
    out.push(`${indent}${bullet ? '- ' : ''}${key}: ${rendered}`);
    if (Array.isArray(value)) value.forEach((_, i) => lines.set(`${path}.${key}[${i}]`, out.length));
  };
  lines.set('source', out.length + 1);
  out.push('source:');
  for (const [k, v] of Object.entries(doc.source)) field('  ', 'source', k, v);
  for (const section of doc.sections) {
    out.push(`${section.name}:`);
    section.items.forEach((item, i) => {
      const path = `${section.name}[${i}]`;
      lines.set(path, out.length + 1);
      Object.entries(item).forEach(([k, v], j) => field(j === 0 ? '  ' : '    ', path, k, v, j === 0));
    });
  }
  return { text: `${out.join('\n')}\n`, lines };
}

/** One fault injected into a valid document, and what the validator must say about it. */
export interface Fault {
  kind: string;
  doc: SeedDoc;
  /** The path the issue must name, e.g. `stances[0].evidence[1]`. */
  path: string;
  /** The path whose line the issue must carry (the field's, or the entity's for a missing field). */
  linePath: string;
  message: RegExp;
}

const clone = (doc: SeedDoc): SeedDoc => structuredClone(doc);
const section = (doc: SeedDoc, name: string): Entity[] => doc.sections.find((s) => s.name === name)!.items;

/** Injects one fault of a random kind at a random place into a valid document. */
export function faultyDoc(doc: SeedDoc): fc.Arbitrary<Fault> {
  const stances = section(doc, 'stances');
  const statements = section(doc, 'statements');
  const actors = section(doc, 'actors');
  const defined = new Set([doc.source.id as string, ...doc.sections.flatMap((s) => s.items.map((e) => e.id as string))]);
  const unknownId = idArb.filter((id) => !defined.has(id));
  return fc.oneof(
    // A reference to nothing, in a list of evidence.
    fc.tuple(fc.nat({ max: stances.length - 1 }), unknownId).map(([i, id]) => {
      const d = clone(doc);
      const ev = section(d, 'stances')[i]!.evidence as string[];
      const j = ev.length - 1;
      ev[j] = id;
      return { kind: 'dangling ref', doc: d, path: `stances[${i}].evidence[${j}]`, linePath: `stances[${i}].evidence[${j}]`, message: /^unknown statement "/ };
    }),
    // A reference to nothing, in a single-valued field.
    fc.tuple(fc.nat({ max: statements.length - 1 }), unknownId).map(([i, id]) => {
      const d = clone(doc);
      section(d, 'stances'); // (keeps the shape obvious: statements always exist)
      section(d, 'statements')[i]!.source = id;
      return { kind: 'dangling ref', doc: d, path: `statements[${i}].source`, linePath: `statements[${i}].source`, message: /^unknown source "/ };
    }),
    // The same id twice: a new event re-using any id in the document.
    fc.constantFrom(...defined).map((id) => {
      // The validator meets sections in a fixed order (source, sources, actors, places, ...,
      // stances, events, figures), not in file order: the copy goes into events, met after
      // every section generated, so that the original counts as the first definition.
      const d = clone(doc);
      d.sections.push({ name: 'events', items: [{ id, kind: 'MEETING', name: { en: 'Again' }, date: '2022' }] });
      return { kind: 'duplicate id', doc: d, path: 'events[0].id', linePath: 'events[0].id', message: new RegExp(`^duplicate id "${id}": already defined as`) };
    }),
    // A value outside an enum.
    fc.tuple(fc.nat({ max: stances.length - 1 }), fc.constantFrom('LIKES', 'rejects', 'REJECT', '', 'MATCH (n) DETACH DELETE n')).map(([i, bad]) => {
      const d = clone(doc);
      section(d, 'stances')[i]!.kind = bad;
      return { kind: 'bad enum', doc: d, path: `stances[${i}].kind`, linePath: `stances[${i}].kind`, message: /is not one of / };
    }),
    fc.tuple(fc.nat({ max: actors.length - 1 }), fc.constantFrom('EMPIRE', 'state')).map(([i, bad]) => {
      const d = clone(doc);
      // Actor 0 speaks every statement: keep its kind, or the speaker check would add a second issue.
      const at = i === 0 && actors.length > 1 ? 1 : i;
      if (at === 0) return undefined;
      section(d, 'actors')[at]!.kind = bad;
      return { kind: 'bad enum', doc: d, path: `actors[${at}].kind`, linePath: `actors[${at}].kind`, message: /is not one of / };
    }).filter((f): f is Fault => f !== undefined),
    // A date no calendar has.
    fc.tuple(fc.nat({ max: statements.length - 1 }), impossibleDate).map(([i, date]) => {
      const d = clone(doc);
      section(d, 'statements')[i]!.said = date;
      return { kind: 'impossible date', doc: d, path: `statements[${i}].said`, linePath: `statements[${i}].said`, message: /^not a valid date/ };
    }),
    // A stance without its evidence: missing, or an empty list.
    fc.tuple(fc.nat({ max: stances.length - 1 }), fc.boolean()).map(([i, empty]) => {
      const d = clone(doc);
      const stance = section(d, 'stances')[i]!;
      if (empty) {
        stance.evidence = [];
        return { kind: 'empty evidence', doc: d, path: `stances[${i}].evidence`, linePath: `stances[${i}].evidence`, message: /^a stance needs at least one evidence statement$/ };
      }
      delete stance.evidence;
      return { kind: 'missing evidence', doc: d, path: `stances[${i}].evidence`, linePath: `stances[${i}]`, message: /^required field is missing$/ };
    }),
  );
}
