/**
 * What the graph's invariant checks hold the graph to, read from the model
 * (src/model/entities.ts): each reference gives the allowed (type, from-label,
 * to-label) triples of its target kinds, and a required reference a relationship
 * every node of its kind must have; so the checks cannot drift from what the loader
 * writes and validation accepts.
 */
import {
  ENTITY_KINDS,
  ENTITY_SECTIONS,
  FILE_MENTIONS,
  FILE_SOURCE_TYPE,
  referencesOf,
} from '../model/entities.js';

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

function derive(): ModelRules {
  const triples = new Set<string>();
  const required: RequiredRelationship[] = [];
  const fileMentions = `${FILE_MENTIONS.type}|${FILE_MENTIONS.from}|${FILE_MENTIONS.to}`;
  for (const section of ENTITY_SECTIONS) {
    const kind = ENTITY_KINDS[section];
    const label = kind.label;
    if ('mentionedByFile' in kind) triples.add(fileMentions);
    if ('sourcedFromFile' in kind) triples.add(`${FILE_SOURCE_TYPE}|${label}|Source`);
    for (const [field, ref] of referencesOf(section)) {
      for (const target of ref.to) {
        const other = ENTITY_KINDS[target].label;
        triples.add(ref.direction === 'out' ? `${ref.type}|${label}|${other}` : `${ref.type}|${other}|${label}`);
        if (ref.mention && other === FILE_MENTIONS.to) triples.add(fileMentions);
      }
      if (ref.required && !required.some((q) => q.label === label && q.type === ref.type)) {
        required.push({ label, type: ref.type, outgoing: ref.direction === 'out', field });
      }
    }
  }
  return { allowedTriples: [...triples].sort(), required };
}

let cached: ModelRules | undefined;

/** The model's rules, derived once per process. */
export function modelRules(): ModelRules {
  return (cached ??= derive());
}
