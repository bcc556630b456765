/**
 * The pure first steps of an API write (write-entity.ts runs them in its transaction):
 * the input validated as a seed file's entry would be, the ids to look up, and, given
 * what the graph holds under those ids, the entity's node and relationships planned
 * from the model (planEntity, as the seed loader does) with the mentions its file's
 * source derives. Nothing here reads the graph.
 */
import { FILE_MENTIONS, FILE_SOURCE_TYPE, kindOf, referencesOf, type EntitySection } from '../model/entities.js';
import { planEntity, type NodeRow, type RelRow } from '../seed/plan-graph.js';
import { formatPath } from '../seed/seed-issue.js';
import { idSchema } from '../seed/seed-schema.js';
import { describeSchemaIssue, entityIssues, type DefinedEntity } from '../seed/validate-seeds.js';
import { API_ORIGIN_PREFIX, fileOfOrigin, inputPathOf, seedRecordOfInput, WRITABLE_SECTIONS, type WritableSection } from './writable-sections.js';
import { WriteInputError } from './write-input-error.js';

/** A write request checked on its own, before anything is read. */
export interface PreparedWrite {
  section: WritableSection;
  /** The input as the section's seed schema parsed it (defaults applied, nulls dropped). */
  record: Record<string, unknown>;
  id: string;
  /** The source document the fact comes from: a source itself, the field naming it (Statement.source), or the `source` argument. */
  document: string;
  /** Where a wrong document is reported: `input.<field>` or `source`. */
  documentArgument: string;
  /** The ids whose kind and origin the graph must tell: every reference, the document and the entity itself. */
  lookup: string[];
}

/** An entity the graph holds under an id the write names (cypher/write/api-lookup-ids.cypher). */
export interface KnownEntity extends DefinedEntity {
  label: string;
  origin: string;
}

/** What the write stores: the entity's node, the relationships its fields make, and the mentions its file's source derives. */
export interface WritePlan {
  section: WritableSection;
  id: string;
  /** `api:<file>`: the origin of everything this write stores. */
  origin: string;
  /** The main source of the file the entity belongs to. */
  file: string;
  node: NodeRow;
  /** The relationships the entity's own fields make. */
  owned: RelRow[];
  /** file -MENTIONS-> actor for every actor the entity names. */
  derived: RelRow[];
  /** The entity counts as mentioned by its own file (an actor). */
  mentionedByFile: boolean;
}

/** Drops nulls (GraphQL's "not given"), recursively, so the seed schema sees absent fields. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/** Validates the input against the section's seed schema; the first problem names its path. */
function parseInput(section: WritableSection, input: Record<string, unknown>): Record<string, unknown> {
  const given = withoutNulls(input) as Record<string, unknown>;
  const data = seedRecordOfInput(section, given);
  const result = WRITABLE_SECTIONS[section].safeParse(data);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = describeSchemaIssue(result.error.issues[0]!, data);
  const path = inputPathOf(section, given, issue.path);
  throw new WriteInputError(path.length > 0 ? `input.${formatPath(path)}` : 'input', issue.message);
}

/** The field in which an entry names its own source document (Statement.source): a required single reference to a source. */
function documentFieldOf(section: EntitySection): string | undefined {
  return referencesOf(section).find(([, r]) => !r.many && r.required === true && r.to.length === 1 && r.to[0] === 'sources')?.[0];
}

/** Every id the record refers to, by the seed reference rules. */
function referencedIds(section: WritableSection, record: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  entityIssues(section, record, (id) => {
    ids.add(id);
    return undefined;
  });
  return [...ids];
}

/**
 * Checks a request on its own: the input against the seed schema, and the `source`
 * argument where the kind needs one (every kind that is not a source and names no
 * source of its own). Throws WriteInputError naming the argument path.
 */
export function prepareWrite(section: WritableSection, input: Record<string, unknown>, source: string | null | undefined): PreparedWrite {
  const record = parseInput(section, input);
  const id = record.id as string;
  const documentField = documentFieldOf(section);
  let document: string;
  if (section === 'sources') document = id;
  else if (documentField) document = record[documentField] as string;
  else {
    if (source === undefined || source === null) throw new WriteInputError('source', 'required: the id of the source document this comes from');
    const ok = idSchema.safeParse(source);
    if (!ok.success) throw new WriteInputError('source', ok.error.issues[0]!.message);
    document = source;
  }
  return {
    section,
    record,
    id,
    document,
    documentArgument: documentField ? `input.${documentField}` : 'source',
    lookup: [...new Set([...referencedIds(section, record), document, id])],
  };
}

const article = (word: string): string => (/^[AEIOU]/i.test(word) ? 'an' : 'a');

/**
 * Validates the write against what the graph holds under the ids it names (references
 * resolve to the right kinds; the id is free, or held by an API-written entity of the
 * same kind; the document is a known source) and plans what it stores. Throws
 * WriteInputError naming the argument path.
 */
export function planWrite(prepared: PreparedWrite, known: ReadonlyMap<string, KnownEntity>): WritePlan {
  const { section, record, id, document } = prepared;
  const itself: DefinedEntity = { section, record };
  const problems = entityIssues(section, record, (ref) => known.get(ref) ?? (ref === id ? itself : undefined), 'in the graph');
  if (problems.length > 0) throw new WriteInputError(`input.${formatPath(problems[0]!.path)}`, problems[0]!.message);
  const self = known.get(id);
  if (self && !self.origin.startsWith(API_ORIGIN_PREFIX)) {
    throw new WriteInputError('input.id', `"${id}" is defined in the seed file of source "${self.origin}": correct it there (seed files own their facts)`);
  }
  if (self && self.section !== section) throw new WriteInputError('input.id', `"${id}" is already used by ${article(self.label)} ${self.label}`);

  // A source is its own file; anything else joins the file of the source it comes from.
  let file = id;
  if (document !== id) {
    const doc = known.get(document);
    if (!doc || doc.section !== 'sources') throw new WriteInputError(prepared.documentArgument, `unknown source "${document}" (no source with this id in the graph)`);
    file = fileOfOrigin(doc.origin);
  }
  const origin = `${API_ORIGIN_PREFIX}${file}`;

  // A fact from a document that is not its file's main source names that document among its sources.
  const planned = { ...record };
  const sourcesField = referencesOf(section).find(([, r]) => r.type === FILE_SOURCE_TYPE)?.[0];
  if (sourcesField && document !== file) {
    planned[sourcesField] = [...new Set([document, ...((planned[sourcesField] as string[] | undefined) ?? [])])];
  }
  const plan = planEntity(section, planned, origin, file);
  // The file's source mentions the actors the entity names (a source's own mentions are its file's).
  const derived: RelRow[] =
    document === id
      ? []
      : [...new Set(plan.mentioned)].map((actor) => {
          const key = `${FILE_MENTIONS.type}|${file}|${actor}`;
          return { key, type: FILE_MENTIONS.type, from: file, to: actor, props: { origin, key } };
        });
  return { section, id, origin, file, node: plan.node, owned: plan.rels, derived, mentionedByFile: kindOf(section).mentionedByFile === true };
}
