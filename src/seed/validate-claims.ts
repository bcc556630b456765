/**
 * The checks claims need beyond their shape (issue 16, docs/decisions/0036 §2, 0043):
 * a claim names a group its fact's kind has (CLAIM_GROUPS) and a value of the type
 * that group's field takes (an id of the right kind, a date, a positive number...); a
 * file's `outside` entries name facts it defines, and each is backed by a claim of
 * another source; reference knowledge says what it knows in a note.
 */
import { claimField, isClaimable } from '../model/claim-groups.js';
import { CLAIM_GROUPS, ENTITY_KINDS, type ReferenceField, type ScalarField } from '../model/entities.js';
import { isValidPartialDate } from './seed-schema.js';
import type { DefinedEntity, EntityProblem } from './validate-seeds.js';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** What is wrong with a claim's value for a field, or undefined when it fits. */
function valueProblem(spec: ScalarField | ReferenceField, value: unknown, lookup: (id: string) => DefinedEntity | undefined): string | undefined {
  if (spec.kind === 'ref') {
    if (typeof value !== 'string') return `expected the id of ${spec.to.map((s) => article(ENTITY_KINDS[s].singular)).join(' or ')}`;
    const def = lookup(value);
    const expected = spec.to.map((s) => ENTITY_KINDS[s].singular).join(' or ');
    if (!def) return `unknown ${expected} "${value}" (no ${expected} with this id in the seed files)`;
    if (!spec.to.includes(def.section)) return `"${value}" is ${article(ENTITY_KINDS[def.section].singular)}, expected ${article(expected)}`;
    return undefined;
  }
  switch (spec.kind) {
    case 'date':
      return (typeof value === 'string' || typeof value === 'number') && isValidPartialDate(String(value)) ? undefined : 'expected a date: YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)';
    case 'positiveInt':
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? undefined : 'expected a positive whole number';
    case 'number':
      return typeof value === 'number' ? undefined : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'enum':
      return typeof value === 'string' && spec.values!.includes(value) ? undefined : `${JSON.stringify(value)} is not one of ${spec.values!.join(', ')}`;
    default:
      return typeof value === 'string' ? undefined : 'expected text';
  }
}

/** The problems of one claim (raw data) with the fact it names: its group, its value's type, role and qualifier. */
export function claimProblems(record: Record<string, unknown>, lookup: (id: string) => DefinedEntity | undefined): EntityProblem[] {
  const out: EntityProblem[] = [];
  const fact = typeof record.of === 'string' ? lookup(record.of) : undefined;
  if (!fact || !isClaimable(fact.section) || typeof record.group !== 'string') return out; // the reference check reports it
  const field = claimField(fact.section, record.group);
  if (!field) {
    const groups = Object.keys(CLAIM_GROUPS[fact.section]).join(', ');
    out.push({ path: ['group'], message: `unknown group "${record.group}" for ${article(ENTITY_KINDS[fact.section].singular)}: use one of ${groups}` });
    return out;
  }
  if (record.value === undefined) return out;
  const problem = valueProblem(field.spec, record.value, lookup);
  // An id's problem names the kind it expects; any other value's says which field the group gives.
  if (problem) out.push({ path: ['value'], message: field.spec.kind === 'ref' ? problem : `${problem} (group "${record.group}" gives the ${ENTITY_KINDS[fact.section].singular}'s ${field.name})` });
  const listOfItems = field.spec.kind === 'ref' && field.spec.inner !== undefined;
  if (record.role !== undefined && !listOfItems) out.push({ path: ['role'], message: `a role belongs only to a claim of participants, not of "${record.group}"` });
  const numeric = field.spec.kind === 'positiveInt' || field.spec.kind === 'number';
  if (record.qualifier !== undefined && !numeric) out.push({ path: ['qualifier'], message: `a qualifier belongs only to a number, and "${record.group}" is not one` });
  return out;
}

/** The problem of a source of kind REFERENCE_KNOWLEDGE without a note saying what is known and why. */
export function sourceProblems(record: Record<string, unknown>): EntityProblem[] {
  if (record.kind === 'REFERENCE_KNOWLEDGE' && (typeof record.note !== 'string' || record.note.trim() === ''))
    return [{ path: ['note'], message: 'reference knowledge needs a note: what is known, and where it can be checked (and `cites` a page where there is one)' }];
  return [];
}

/** A claim as the outside check needs it (raw data, after fillClaimDefaults). */
interface ClaimSeen {
  of: string;
  group: string;
  value: unknown;
  source: string;
}

/** Every claim of the files (raw data), for the outside check. */
export function claimsOf(datas: unknown[]): ClaimSeen[] {
  const out: ClaimSeen[] = [];
  for (const data of datas) {
    if (!isRecord(data) || !Array.isArray(data.claims)) continue;
    for (const c of data.claims)
      if (isRecord(c) && typeof c.of === 'string' && typeof c.group === 'string' && typeof c.source === 'string') out.push({ of: c.of, group: c.group, value: c.value, source: c.source });
  }
  return out;
}

/**
 * The problems of one file's `outside` entries: each names a fact the file defines and
 * a group its kind has (items only of a list group, and in the fact's list), and each
 * group or item is backed by a claim whose source is not the file's.
 */
export function outsideProblems(
  data: unknown,
  claims: readonly ClaimSeen[],
  definedHere: (id: string) => DefinedEntity | undefined,
): Array<EntityProblem & { index: number }> {
  const out: Array<EntityProblem & { index: number }> = [];
  if (!isRecord(data) || !Array.isArray(data.outside)) return out;
  const fileSource = isRecord(data.source) ? data.source.id : undefined;
  data.outside.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.of !== 'string' || typeof entry.group !== 'string') return; // the schema check reports it
    const say = (path: PropertyKey[], message: string): void => void out.push({ index, path, message });
    const fact = definedHere(entry.of);
    if (!fact) return say(['of'], `"${entry.of}" is not defined in this file: a file marks only its own facts' groups as outside`);
    if (!isClaimable(fact.section)) return say(['of'], `"${entry.of}" is ${article(ENTITY_KINDS[fact.section].singular)}, which has no claim groups`);
    const field = claimField(fact.section, entry.group);
    if (!field) return say(['group'], `unknown group "${entry.group}" for ${article(ENTITY_KINDS[fact.section].singular)}: use one of ${Object.keys(CLAIM_GROUPS[fact.section]).join(', ')}`);
    const backers = claims.filter((c) => c.of === entry.of && c.group === entry.group && c.source !== fileSource);
    if (entry.items === undefined) {
      if (backers.length === 0)
        say(['group'], `"${entry.group}" of "${entry.of}" is marked outside this file's source, but no claim of another source backs it: add a claim (a page's, or reference knowledge's)`);
      return;
    }
    const spec = field.spec;
    if (spec.kind !== 'ref' || !spec.many) return say(['items'], `"${entry.group}" is not a list: leave \`items\` out`);
    const listed = ((fact.record[field.name] as unknown[] | undefined) ?? []).map((v) => (spec.inner && isRecord(v) ? v[spec.inner] : v));
    if (!Array.isArray(entry.items)) return;
    entry.items.forEach((item, i) => {
      if (typeof item !== 'string') return;
      if (!listed.includes(item)) say(['items', i], `"${item}" is not among the ${field.name} of "${entry.of}"`);
      else if (!backers.some((c) => c.value === item))
        say(['items', i], `"${item}" in ${entry.group} of "${entry.of}" is marked outside this file's source, but no claim of another source backs it: add a claim (a page's, or reference knowledge's)`);
    });
  });
  return out;
}
