/**
 * Provenance per fact (issue 16, docs/decisions/0036 §6, 0043, 0044): for each claim
 * group of a fact, its working value and every source's assertion of it (the claims,
 * and the defining file's own assertion unless the file marks the group outside),
 * grouped into alternatives; a group with more than one alternative is disputed. Each
 * claimed relationship comes with the sources asserting it. Nothing is chosen here:
 * the working value is the facts file's, shown beside every alternative.
 */
import { CLAIM_GROUPS, CLAIMABLE_SECTIONS, type ClaimableSection, type ReferenceField } from '../model/entities.js';
import { formatPartialDate } from '../neo4j/values.js';
import { CLAIMABLE_LABELS, claimField, OUTSIDE_PROPERTY, outsideKey } from '../model/claim-groups.js';
import { fileOfOrigin } from '../write/writable-sections.js';
import type { EntityRecord } from './entity-record.js';
import type { GraphReader, Row } from './graph-reader.js';

/** A relationship a claim group makes, with the sources that assert it. */
export interface ClaimedRelationship {
  type: string;
  /** Whether the fact is its start node. */
  out: boolean;
  other: string;
  role: string | null;
  sources: string[];
}

/** A fact as provenance per group reads it. */
export interface FactClaims {
  id: string;
  label: string;
  props: Record<string, unknown>;
  /** Its claims (Claim records), oldest source first. */
  claims: EntityRecord[];
  rels: ClaimedRelationship[];
}

/** One source's assertion of a group (or of one item of a list group). */
export interface Assertion {
  source: string;
  value: string;
  role: string | null;
  qualifier: string | null;
  status: string;
  /** The claim that says so, or null for the defining file's own assertion. */
  claim: EntityRecord | null;
  implicit: boolean;
}

/** One value sources give for a group, and who gives it. */
export interface Alternative {
  value: string;
  /** Whether the value is an entity's id (a reference group's value). */
  names: boolean;
  role: string | null;
  qualifier: string | null;
  assertions: Assertion[];
}

/** A group's provenance: working value, assertions, alternatives. */
export interface GroupProvenance {
  group: string;
  /** For a list group (participants, addressedTo): the item (an actor's id); null otherwise. */
  item: string | null;
  working: string | null;
  assertions: Assertion[];
  alternatives: Alternative[];
  disputed: boolean;
}

/** The relationship types claim groups make (TOOK_PLACE_IN, PARTICIPATED_IN, ADDRESSED_TO...). */
const CLAIMED_RELATIONSHIP_TYPES: readonly string[] = [
  ...new Set(
    CLAIMABLE_SECTIONS.flatMap((section) =>
      Object.keys(CLAIM_GROUPS[section]).flatMap((group) => {
        const spec = claimField(section, group)?.spec;
        return spec?.kind === 'ref' ? [spec.type] : [];
      }),
    ),
  ),
];

/** Reads the facts' claims and claimed relationships, by id (missing ids are left out). */
export async function readFactClaims(reader: GraphReader, ids: readonly string[]): Promise<Map<string, FactClaims>> {
  const rows = await reader.read('fact-claims', { ids, types: CLAIMED_RELATIONSHIP_TYPES });
  return new Map(
    rows.map((r: Row) => [
      r.from as string,
      {
        id: r.from as string,
        label: r.label as string,
        props: r.props as Record<string, unknown>,
        claims: (r.claims as Array<{ props: Record<string, unknown>; source: string }>).map((c) => ({ ...c.props, sourceId: c.source, __label: 'Claim' }) as unknown as EntityRecord),
        rels: (r.rels as Array<ClaimedRelationship & { sources: string[] | null; origin: string }>).map(({ origin, ...x }) => ({
          ...x,
          role: x.role ?? null,
          // No `sources`: the file that made the relationship asserts it alone (src/seed/plan-claims.ts).
          sources: x.sources ?? [fileOfOrigin(String(origin))],
        })),
      },
    ]),
  );
}

const str = (v: unknown): string => String(v);

/** The working value of a scalar group as a string (dates as written in seed files), or null. */
function scalarWorking(props: Record<string, unknown>, field: string, kind: string): string | null {
  const v = props[field];
  if (v === undefined || v === null) return null;
  return kind === 'date' ? formatPartialDate(String(v), props[`${field}Precision`] as string) : str(v);
}

/** Groups assertions into alternatives by value, role and qualifier (numbers without one are EXACT). */
function alternativesOf(assertions: Assertion[], numeric: boolean, names = false): Alternative[] {
  const byKey = new Map<string, Alternative>();
  for (const a of assertions) {
    const qualifier = a.qualifier ?? (numeric ? 'EXACT' : null);
    const key = JSON.stringify([a.value, a.role, qualifier]);
    const alt = byKey.get(key) ?? { value: a.value, names, role: a.role, qualifier, assertions: [] };
    alt.assertions.push(a);
    byKey.set(key, alt);
  }
  return [...byKey.values()];
}

const fromClaim = (c: EntityRecord): Assertion => ({
  source: c.sourceId as string,
  value: str(c.value),
  role: (c.role as string | undefined) ?? null,
  qualifier: (c.qualifier as string | undefined) ?? null,
  status: (c.status as string | undefined) ?? 'ESTABLISHED',
  claim: c,
  implicit: false,
});

/** Every claim group of a fact with its working value, assertions and alternatives (groups nobody asserts are left out). */
export function groupsOf(fact: FactClaims): GroupProvenance[] {
  const section: ClaimableSection | undefined = CLAIMABLE_LABELS.get(fact.label);
  if (!section) return [];
  const outside = new Set((fact.props[OUTSIDE_PROPERTY] as string[] | undefined) ?? []);
  const origin = fileOfOrigin(String(fact.props.origin));
  const factStatus = (fact.props.status as string | undefined) ?? 'ESTABLISHED';
  const out: GroupProvenance[] = [];
  for (const group of Object.keys(CLAIM_GROUPS[section])) {
    const field = claimField(section, group)!;
    const claims = fact.claims.filter((c) => c.group === group);
    const own = (value: string, role: string | null, qualifier: string | null): Assertion => ({ source: origin, value, role, qualifier, status: factStatus, claim: null, implicit: true });
    if (field.spec.kind === 'ref') {
      const spec: ReferenceField = field.spec;
      const rels = fact.rels.filter((r) => r.type === spec.type && r.out === (spec.direction === 'out'));
      if (spec.many) {
        const items = [...new Set([...rels.map((r) => r.other), ...claims.map((c) => str(c.value))])];
        for (const item of items) {
          const rel = rels.find((r) => r.other === item);
          const role = spec.inner ? (rel?.role ?? 'PARTICIPANT') : null;
          const assertions: Assertion[] = [];
          if (rel && !outside.has(outsideKey(group)) && !outside.has(outsideKey(group, item))) assertions.push(own(item, role, null));
          for (const c of claims) if (str(c.value) === item) assertions.push({ ...fromClaim(c), role: spec.inner ? ((c.role as string | undefined) ?? 'PARTICIPANT') : null });
          const alternatives = alternativesOf(assertions, false, true);
          out.push({ group, item, working: rel ? (role ?? item) : null, assertions, alternatives, disputed: alternatives.length > 1 });
        }
        continue;
      }
      const working = rels[0]?.other ?? null;
      const assertions = [...(working !== null && !outside.has(outsideKey(group)) ? [own(working, null, null)] : []), ...claims.map(fromClaim)];
      if (assertions.length === 0 && working === null) continue;
      const alternatives = alternativesOf(assertions, false, true);
      out.push({ group, item: null, working, assertions, alternatives, disputed: alternatives.length > 1 });
      continue;
    }
    const numeric = field.spec.kind === 'positiveInt' || field.spec.kind === 'number';
    const working = scalarWorking(fact.props, field.name, field.spec.kind);
    // A figure's own qualifier is part of what its file asserts.
    const ownQualifier = numeric ? ((fact.props.qualifier as string | undefined) ?? null) : null;
    const assertions = [...(working !== null && !outside.has(outsideKey(group)) ? [own(working, null, ownQualifier)] : []), ...claims.map(fromClaim)];
    if (assertions.length === 0 && working === null) continue;
    const alternatives = alternativesOf(assertions, numeric);
    out.push({ group, item: null, working, assertions, alternatives, disputed: alternatives.length > 1 });
  }
  return out;
}
