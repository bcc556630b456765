/**
 * Validates parsed seed files: each against the schema, then all together for
 * duplicate ids, dangling references and references of the wrong kind.
 * Every issue is reported at once, with its `file:line:col path`.
 */
import type { z } from 'zod';
import { locate, type ParsedSeedFile } from './read-seed-files.js';
import { formatPath, formatSeedIssue, type SeedIssue } from './seed-issue.js';
import { seedFileSchema, type SeedFile } from './seed-schema.js';
import { ENTITY_KINDS, ENTITY_SECTIONS, kindOf, referencesOf, type EntitySection } from '../model/entities.js';
import { OLD_LOCALIZED_FIELDS, oldFieldMessage } from './old-format.js';
import { OFFICE_HOLDER_KIND, QUOTABLE_KINDS, UNQUOTED_MODES } from '../model/vocabulary.js';
import { claimProblems, claimsOf, outsideProblems, sourceProblems } from './validate-claims.js';


export { ENTITY_SECTIONS, type EntitySection } from '../model/entities.js';

/** A seed file that passed the schema, with its file name. */
export interface ValidSeedFile {
  file: string;
  seed: SeedFile;
}

/** One reference field of a section: the sections its ids must name. */
export interface RefRule {
  field: string;
  to: EntitySection[];
  /** For fields inside list items, e.g. participants[].actor. */
  inner?: string;
}

/** Which field of which section refers to which sections: the model's references. */
export const REFERENCE_RULES: Record<EntitySection, RefRule[]> = Object.fromEntries(
  ENTITY_SECTIONS.map((section) => [
    section,
    referencesOf(section).map(([field, r]): RefRule => (r.inner ? { field, to: [...r.to], inner: r.inner } : { field, to: [...r.to] })),
  ]),
) as unknown as Record<EntitySection, RefRule[]>;

const SINGULAR = (section: EntitySection): string => ENTITY_KINDS[section].singular;

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

interface Definition extends DefinedEntity {
  file: string;
  path: PropertyKey[];
  line: number;
  col: number;
}

/** Yields every entity of a file (raw parsed data) with its section and path. */
export function* entitiesOf(data: unknown): Generator<{ section: EntitySection; path: PropertyKey[]; record: Record<string, unknown> }> {
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(data)) return;
  // Works on raw data too, so that a file with schema errors still has its references checked.
  if (isRecord(data.source) && typeof data.source.id === 'string') yield { section: 'sources', path: ['source'], record: data.source };
  for (const section of ENTITY_SECTIONS) {
    const list = data[section];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const record: unknown = list[i];
      if (isRecord(record) && typeof record.id === 'string') yield { section, path: [section, i], record };
    }
  }
}

function schemaIssues(parsed: ParsedSeedFile, error: z.ZodError): SeedIssue[] {
  return error.issues.map((issue) => {
    const described = describeSchemaIssue(issue, parsed.data);
    const pos = locate(parsed, issue.path, described.key);
    return { file: parsed.file, line: pos.line, col: pos.col, path: formatPath(described.path), message: described.message };
  });
}

/**
 * Turns a zod issue into the message analysts and API clients see, with the path of the
 * field at fault (for an unknown field: the path of that field, and its name in `key`).
 * Shared by the seed loader and the write API, so both word problems the same way.
 */
export function describeSchemaIssue(issue: z.core.$ZodIssue, data: unknown): { path: PropertyKey[]; message: string; key?: string } {
  let path: PropertyKey[] = [...issue.path];
  let message = issue.message;
  let key: string | undefined;
  if (issue.code === 'unrecognized_keys') {
    const old = issue.keys.find((k) => Object.hasOwn(OLD_LOCALIZED_FIELDS, k));
    key = old ?? issue.keys[0];
    message = old !== undefined ? oldFieldMessage(old) : `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  } else if (issue.code === 'invalid_type' && getAt(data, path) === undefined) {
    message = 'required field is missing';
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    const given = getAt(data, path);
    message = given === undefined ? 'required field is missing' : `${JSON.stringify(given)} is not one of ${issue.values.map((v) => String(v)).join(', ')}`;
  }
  if (key !== undefined) path = [...path, key];
  return key === undefined ? { path, message } : { path, message, key };
}

function getAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/**
 * Validates files against the schema and against each other. Returns the
 * valid files and every issue, sorted by file and position.
 */
export function validateSeeds(parsedFiles: ParsedSeedFile[]): { files: ValidSeedFile[]; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const files: ValidSeedFile[] = [];
  const readable = parsedFiles.filter((p) => p.data !== undefined);
  // Parsing also fills in the claims' ids and sources in the raw data (seedFileSchema's preprocess,
  // docs/decisions/0043), so every check below sees one form, whether or not the file parsed.
  for (const parsed of readable) {
    const result = seedFileSchema.safeParse(parsed.data);
    if (!result.success) issues.push(...schemaIssues(parsed, result.error));
    else files.push({ file: parsed.file, seed: result.data });
  }

  const defined = new Map<string, Definition>();
  const at = (parsed: ParsedSeedFile, path: PropertyKey[], message: string): SeedIssue => {
    const pos = locate(parsed, path);
    return { file: parsed.file, line: pos.line, col: pos.col, path: formatPath(path), message };
  };

  for (const parsed of readable) {
    for (const { section, path, record } of entitiesOf(parsed.data)) {
      const id = record.id as string;
      const idPath = [...path, 'id'];
      const pos = locate(parsed, idPath);
      const prior = defined.get(id);
      if (prior) {
        issues.push({
          file: parsed.file,
          line: pos.line,
          col: pos.col,
          path: formatPath(idPath),
          message: `duplicate id "${id}": already defined as ${SINGULAR(prior.section)} at ${formatSeedIssue({ file: prior.file, line: prior.line, col: prior.col, path: '', message: '' }).slice(0, -2)}`,
        });
        continue;
      }
      defined.set(id, { section, file: parsed.file, path, record, line: pos.line, col: pos.col });
    }
  }

  for (const parsed of readable) {
    for (const { section, path, record } of entitiesOf(parsed.data)) {
      for (const problem of entityIssues(section, record, (id) => defined.get(id))) issues.push(at(parsed, [...path, ...problem.path], problem.message));
    }
  }

  // A group a file marks as not its source's own must be backed by another source's claim (docs/decisions/0043).
  const claims = claimsOf(readable.map((p) => p.data));
  for (const parsed of readable) {
    const definedHere = (id: string): Definition | undefined => {
      const def = defined.get(id);
      return def?.file === parsed.file ? def : undefined;
    };
    for (const problem of outsideProblems(parsed.data, claims, definedHere)) issues.push(at(parsed, ['outside', problem.index, ...problem.path], problem.message));
  }

  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  return { files, issues };
}

/** What the cross-entity checks need to know about an id defined elsewhere: its section and fields. */
export interface DefinedEntity {
  section: EntitySection;
  record: Record<string, unknown>;
}

/** A problem with one entity, at a path relative to the entity (e.g. ['evidence', 0]). */
export interface EntityProblem {
  path: PropertyKey[];
  message: string;
}

/**
 * The checks that look beyond one entity's own shape: every reference resolves to an
 * entity of the right section, dates are in order, offices are held by persons, quoted
 * speakers can be quoted. `lookup` answers for ids defined elsewhere: the other seed
 * files for the loader, the database for the write API.
 */
export function entityIssues(
  section: EntitySection,
  record: Record<string, unknown>,
  lookup: (id: string) => DefinedEntity | undefined,
  /** Where ids are looked up, for messages: "in the seed files" or "in the graph". */
  where = 'in the seed files',
): EntityProblem[] {
  const out: EntityProblem[] = [];
  for (const rule of REFERENCE_RULES[section]) {
    const value = record[rule.field];
    if (value === undefined) continue;
    const targets: Array<{ id: string; path: PropertyKey[] }> = [];
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (rule.inner) {
          // A malformed item (null, a bare string) is the schema check's to report.
          if (v !== null && typeof v === 'object') targets.push({ id: (v as Record<string, string>)[rule.inner]!, path: [rule.field, i, rule.inner] });
        }
        else targets.push({ id: v as string, path: [rule.field, i] });
      });
    } else {
      targets.push({ id: value as string, path: [rule.field] });
    }
    const seen = new Set<string>();
    for (const t of targets) {
      if (typeof t.id !== 'string') continue; // the schema check reports it
      // A repeated id would make the same relationship twice: the planner keeps one, and a
      // participant's second role would be dropped without a word.
      if (seen.has(t.id)) {
        out.push({ path: t.path, message: `"${t.id}" is listed twice in ${rule.field}: each id at most once` });
        continue;
      }
      seen.add(t.id);
      const def = lookup(t.id);
      const expected = rule.to.map(SINGULAR).join(' or ');
      if (!def) out.push({ path: t.path, message: `unknown ${expected} "${t.id}" (no ${expected} with this id ${where})` });
      else if (!rule.to.includes(def.section)) out.push({ path: t.path, message: `"${t.id}" is ${article(SINGULAR(def.section))}, expected ${article(expected)}` });
    }
  }
  const order = (fromField: string, toField: string): void => {
    // Raw YAML: a bare year arrives as a number.
    const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    const from = text(record[fromField]);
    const to = text(record[toField]);
    if (from && to && to.localeCompare(from) < 0 && !from.startsWith(to)) out.push({ path: [toField], message: `${toField} (${to}) is before ${fromField} (${from})` });
  };
  for (const [from, to] of kindOf(section).dateOrder ?? []) order(from, to);
  if (section === 'offices') {
    const holder = lookup(record.holder as string);
    if (holder?.section === 'actors' && holder.record.kind !== OFFICE_HOLDER_KIND)
      out.push({ path: ['holder'], message: `"${record.holder as string}" is a ${holder.record.kind as string}, but an office is held by a PERSON` });
  }
  if (section === 'stances' && Array.isArray(record.evidence) && record.evidence.length > 0) {
    // Attestation (decision 0041) is derived, but a stance resting only on analysis is refused where it is written.
    const modes = record.evidence.map((id) => lookup(id as string)).map((d) => (d?.section === 'statements' ? d.record.mode : undefined));
    if (modes.every((m) => m === 'ANALYSIS'))
      out.push({ path: ['evidence'], message: `every evidence statement is an ANALYSIS: an analysis is never a party's position; add a statement in the holder's or another party's words` });
  }
  if (section === 'claims') out.push(...claimProblems(record, lookup));
  if (section === 'sources') out.push(...sourceProblems(record));
  if (section === 'demands' && record.specifies !== undefined && record.specifies === record.id)
    out.push({ path: ['specifies'], message: 'a demand cannot specify itself: name the broader demand it is a case of' });
  if (section === 'statements') {
    const speaker = lookup(record.speaker as string);
    if (speaker?.section === 'actors' && !(UNQUOTED_MODES as readonly string[]).includes(record.mode as string) && !(QUOTABLE_KINDS as readonly string[]).includes(speaker.record.kind as string))
      out.push({ path: ['speaker'], message: `a ${record.mode as string} needs a speaker who can be quoted, not a ${speaker.record.kind as string}` });
  }
  return out;
}

export { OFFICE_HOLDER_KIND, QUOTABLE_KINDS, UNQUOTED_MODES } from '../model/vocabulary.js';
