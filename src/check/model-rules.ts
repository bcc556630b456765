/**
 * What the graph's invariant checks hold the graph to, derived rather than restated:
 * the seed planner (src/seed/plan-graph.ts) knows which field makes which relationship
 * in which direction, the reference rules (src/seed/validate-seeds.ts) which sections a
 * field may name, and the seed schema which fields are required. Planning one probe
 * entry per (section, field, target section) turns them into the allowed
 * (type, from-label, to-label) triples and the relationships every node of a label must
 * have, so the checks cannot drift from what the loader writes and validation accepts.
 */
import type { z } from 'zod';
import { STANCE_KINDS } from '../graph/vocabulary.js';
import { planGraph, SECTION_LABELS } from '../seed/plan-graph.js';
import { seedFileSchema, type SeedFile } from '../seed/seed-schema.js';
import { ENTITY_SECTIONS, REFERENCE_RULES, type EntitySection } from '../seed/validate-seeds.js';

/** A relationship every node of `label` must have: `type`, outgoing or incoming, made by seed field `field`. */
export interface RequiredRelationship {
  label: string;
  type: string;
  outgoing: boolean;
  field: string;
}

/** The rules the invariant checks apply. */
export interface ModelRules {
  /** `TYPE|FromLabel|ToLabel` of every relationship the model allows. */
  allowedTriples: string[];
  required: RequiredRelationship[];
}

const PROBE_FILE = 'probe-file';
const probeId = (section: EntitySection): string => `probe-${section}`;

/** The fields the planner dereferences unconditionally, so that a probe entry plans without them. */
const PLANNER_MINIMUM: Partial<Record<EntitySection, Record<string, unknown>>> = {
  demands: { by: [] },
  stances: { kind: STANCE_KINDS[0] },
};

/** The item schema of a section, from the seed file schema itself. */
function itemSchema(section: EntitySection): z.ZodObject {
  const field = seedFileSchema.shape[section] as unknown as z.ZodOptional<z.ZodArray<z.ZodObject>>;
  return field.unwrap().element;
}

/** Plans one probe entry whose `field` names an entity of `target`; returns the relationships between them. */
function probe(section: EntitySection, field: string, inner: string | undefined, target: EntitySection) {
  const self = `probe-self-${section}`;
  const ref = probeId(target);
  const value = inner ? [{ [inner]: ref }] : isList(section, field) ? [ref] : ref;
  const entry = { ...PLANNER_MINIMUM[section], id: self, [field]: value };
  const seed = { source: { id: PROBE_FILE }, [section]: [entry] } as unknown as SeedFile;
  const plan = planGraph([{ file: PROBE_FILE, seed }]);
  return plan.rels.filter((r) => r.from === ref || r.to === ref).map((r) => ({ ...r, selfEnd: r.from === self || r.to === self }));
}

/** True when a section's field holds a list of ids. */
function isList(section: EntitySection, field: string): boolean {
  return itemSchema(section).shape[field]!.safeParse(['probe']).success;
}

function derive(): ModelRules {
  const triples = new Set<string>();
  const required: RequiredRelationship[] = [];
  for (const section of ENTITY_SECTIONS) {
    const label = SECTION_LABELS[section];
    const shape = itemSchema(section).shape;
    for (const rule of REFERENCE_RULES[section]) {
      const fieldSchema = shape[rule.field]!;
      const isRequired = !fieldSchema.safeParse(undefined).success && !fieldSchema.safeParse([]).success;
      for (const target of rule.to) {
        for (const r of probe(section, rule.field, rule.inner, target)) {
          // The file's own source MENTIONS the actors its entries name.
          const fromLabel = r.from === PROBE_FILE ? 'Source' : r.from === probeId(target) ? SECTION_LABELS[target] : label;
          const toLabel = r.to === probeId(target) ? SECTION_LABELS[target] : label;
          triples.add(`${r.type}|${fromLabel}|${toLabel}`);
          if (isRequired && r.selfEnd && !required.some((q) => q.label === label && q.type === r.type)) {
            required.push({ label, type: r.type, outgoing: r.from !== probeId(target), field: rule.field });
          }
        }
      }
    }
    // Every fact is SOURCED_FROM its file's source, which the file does not spell out.
    for (const r of planGraph([{ file: PROBE_FILE, seed: { source: { id: PROBE_FILE }, [section]: [{ ...PLANNER_MINIMUM[section], id: 'probe-self' }] } as unknown as SeedFile }]).rels) {
      if (r.from === 'probe-self') triples.add(`${r.type}|${label}|Source`);
    }
  }
  return { allowedTriples: [...triples].sort(), required };
}

let cached: ModelRules | undefined;

/** The model's rules, derived once per process. */
export function modelRules(): ModelRules {
  return (cached ??= derive());
}
