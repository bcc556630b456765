/**
 * What claims add to a plan (issue 16, docs/decisions/0036 §2, 0043): every
 * relationship a claim group makes (TOOK_PLACE_IN, PARTICIPATED_IN, ADDRESSED_TO...)
 * where claims or an outside mark make a difference gets `sources`, the sources that
 * assert it: the defining file's own source unless the file marks the group (or that
 * item) outside, then every source whose claim agrees (same other end, and for a
 * participant the same role). Without `sources`, the file's source alone asserts it. A fact with groups
 * marked outside keeps them in `outsideGroups` ("place", "participants:wendy-sherman"),
 * which the read side and the export use.
 */
import { claimField, isClaimable, OUTSIDE_PROPERTY, outsideKey, REL_SOURCES_PROPERTY } from '../model/claim-groups.js';
import { CLAIM_GROUPS, type ClaimableSection, type EntitySection } from '../model/entities.js';
import type { GraphPlan, RelRow } from './plan-graph.js';
import type { ValidSeedFile } from './validate-seeds.js';

/** Adds the asserting sources to claimed relationships and the outside groups to facts (in place). */
export function applyClaims(plan: GraphPlan, files: readonly ValidSeedFile[]): void {
  const facts = new Map<string, { section: ClaimableSection; record: Record<string, unknown>; fileSource: string }>();
  const outside = new Map<string, Set<string>>();
  const claims: Array<{ of: string; group: string; value: unknown; role?: string; source: string }> = [];
  for (const { seed } of files) {
    for (const section of Object.keys(CLAIM_GROUPS) as ClaimableSection[]) {
      for (const record of (seed[section as EntitySection & keyof typeof seed] ?? []) as Array<Record<string, unknown>>)
        facts.set(record.id as string, { section, record, fileSource: seed.source.id });
    }
    for (const entry of seed.outside ?? []) {
      const set = outside.get(entry.of) ?? new Set<string>();
      for (const key of entry.items ? entry.items.map((i) => outsideKey(entry.group, i)) : [outsideKey(entry.group)]) set.add(key);
      outside.set(entry.of, set);
    }
    for (const c of seed.claims ?? []) claims.push({ of: String(c.of), group: String(c.group), value: c.value, ...(c.role ? { role: String(c.role) } : {}), source: String(c.source) });
  }

  // Without claims or outside marks every claimed relationship has its file's source alone: nothing to add.
  if (outside.size === 0 && claims.length === 0) return;
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  for (const [id, set] of outside) {
    const node = nodes.get(id);
    if (node) node.props[OUTSIDE_PROPERTY] = [...set].sort();
  }

  const rels = new Map<string, RelRow>(plan.rels.map((r) => [r.key, r]));
  for (const [id, fact] of facts) {
    if (!isClaimable(fact.section)) continue;
    const marked = outside.get(id) ?? new Set<string>();
    for (const group of Object.keys(CLAIM_GROUPS[fact.section])) {
      const field = claimField(fact.section, group);
      if (field?.spec.kind !== 'ref') continue;
      const spec = field.spec;
      const value = fact.record[field.name];
      if (value === undefined) continue;
      for (const item of (spec.many ? (value as unknown[]) : [value])) {
        const other = spec.inner ? (item as Record<string, string>)[spec.inner]! : (item as string);
        const role = spec.inner ? ((item as Record<string, string>).role ?? 'PARTICIPANT') : undefined;
        const key = spec.direction === 'out' ? `${spec.type}|${id}|${other}` : `${spec.type}|${other}|${id}`;
        const rel = rels.get(key);
        if (!rel) continue;
        const isOutside = marked.has(outsideKey(group)) || marked.has(outsideKey(group, other));
        const sources: string[] = isOutside ? [] : [fact.fileSource];
        for (const c of claims) {
          if (c.of !== id || c.group !== group || c.value !== other) continue;
          if (role !== undefined && (c.role ?? 'PARTICIPANT') !== role) continue;
          if (!sources.includes(c.source)) sources.push(c.source);
        }
        // Without claims or an outside mark the file's source alone asserts it, which the read side assumes when
        // `sources` is absent: so a fact written through the API and the same fact reloaded from its export agree.
        // An outside group whose claims are in files planned apart (an ingest plans file by file) has none here: the
        // property is left out rather than stored empty, so the transactional and bulk paths agree (a seed plans all files).
        if ((isOutside && sources.length > 0) || sources.length > 1) rel.props[REL_SOURCES_PROPERTY] = sources;
      }
    }
  }
}
