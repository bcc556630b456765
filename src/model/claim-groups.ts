/**
 * What the model says about claims (issue 16, docs/decisions/0036 §2, 0043), shared by
 * the seed checks, the planner, the read side and the export: which kinds can be
 * claimed, the field a group's value gives, and how a fact records the groups its own
 * file does not assert. Imports only the model.
 */
import { CLAIM_GROUPS, CLAIMABLE_SECTIONS, ENTITY_KINDS, kindOf, type ClaimableSection, type EntitySection, type ReferenceField, type ScalarField } from './entities.js';

/** The node property holding the groups (and list items) a fact's own file does not assert. */
export const OUTSIDE_PROPERTY = 'outsideGroups';

/** The relationship property listing the sources that assert a claimed relationship. */
export const REL_SOURCES_PROPERTY = 'sources';

/** The entry of `outsideGroups` for a whole group, or for one item of a list group ("participants:wendy-sherman"). */
export function outsideKey(group: string, item?: string): string {
  return item === undefined ? group : `${group}:${item}`;
}

/** Whether a section's facts can be claimed. */
export function isClaimable(section: EntitySection): section is ClaimableSection {
  return (CLAIMABLE_SECTIONS as readonly string[]).includes(section);
}

/** The field a claim of `group` on a fact of `section` gives the value of (the group's first field), or undefined for an unknown group. */
export function claimField(section: ClaimableSection, group: string): { name: string; spec: ScalarField | ReferenceField } | undefined {
  const fields = CLAIM_GROUPS[section][group];
  if (!fields) return undefined;
  const name = fields[0]!;
  return { name, spec: kindOf(section).fields[name]! };
}

/** The claimable section of each node label. */
export const CLAIMABLE_LABELS: ReadonlyMap<string, ClaimableSection> = new Map(CLAIMABLE_SECTIONS.map((s) => [ENTITY_KINDS[s].label, s]));
