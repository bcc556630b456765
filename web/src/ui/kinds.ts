/**
 * How kinds look: a colour and a shape per entity kind (graphs, badges), a colour
 * and a readable name per stance kind (matrix cells, thread groups). Colours are
 * never the only cue: badges and cells always carry the kind's name as text.
 */
import { ENTITY_KINDS, type EntityKind, type StanceKind } from '../api/types.js';
import { MODEL_KINDS, type ModelEntityKind } from '../api/__generated__/model.js';
import { enumLabel } from '../text/vocabulary.js';

/** Colour and graph shape of an entity kind. */
export interface KindStyle {
  colour: string;
  shape: string;
  name: string;
}

/** How each kind looks (colours distinguishable for common colour-vision deficiencies, plus shapes). */
const KIND_LOOKS: Partial<Record<EntityKind, Omit<KindStyle, 'name'>>> = {
  ACTOR: { colour: '#1f5fae', shape: 'ellipse' },
  DEMAND: { colour: '#c2410c', shape: 'diamond' },
  STANCE: { colour: '#7e22ce', shape: 'round-rectangle' },
  STATEMENT: { colour: '#0f766e', shape: 'round-tag' },
  EVENT: { colour: '#b45309', shape: 'hexagon' },
  ISSUE: { colour: '#4d7c0f', shape: 'tag' },
  INSTRUMENT: { colour: '#9f1239', shape: 'rectangle' },
  SOURCE: { colour: '#475569', shape: 'barrel' },
  PLACE: { colour: '#0e7490', shape: 'triangle' },
  OFFICE: { colour: '#6d28d9', shape: 'octagon' },
  MEMBERSHIP: { colour: '#15803d', shape: 'pentagon' },
  FIGURE: { colour: '#a16207', shape: 'star' },
  REPORT: { colour: '#334155', shape: 'vee' },
  CLAIM: { colour: '#57534e', shape: 'rhomboid' },
};

/** The look of a kind without its own: neutral grey, a round rectangle (its name always shows beside it). */
const DEFAULT_LOOK: Omit<KindStyle, 'name'> = { colour: '#52525b', shape: 'round-rectangle' };

/** Styles of the entity kinds of the model: its look, and its label as name (web/src/api/__generated__/model.ts). */
export const ENTITY_KIND_STYLE = Object.fromEntries(
  ENTITY_KINDS.map((k) => [k, { ...(KIND_LOOKS[k] ?? DEFAULT_LOOK), name: MODEL_KINDS[k as ModelEntityKind].label }]),
) as Record<EntityKind, KindStyle>;

/** Readable name of an entity kind. */
export function kindName(kind: string): string {
  return enumLabel('EntityKind', kind);
}

/** Colours and name of a stance kind: text colour on a light background (contrast >= 4.5:1). */
export interface StanceStyle {
  name: string;
  fg: string;
  bg: string;
}

/** Styles of the stance kinds. */
export const STANCE_STYLE: Record<StanceKind, StanceStyle> = {
  REJECTS: { name: 'Rejects', fg: '#8f1d14', bg: '#fbdad6' },
  SUPPORTS: { name: 'Supports', fg: '#14532d', bg: '#cdeed8' },
  OPEN_TO: { name: 'Open to', fg: '#0b4f6c', bg: '#d3ebf6' },
  CONDITIONS: { name: 'Conditions', fg: '#713f12', bg: '#fbe9c0' },
  OFFERS: { name: 'Offers', fg: '#1e5130', bg: '#e2f3c9' },
  ACCUSES: { name: 'Accuses', fg: '#6b1238', bg: '#f6d3e3' },
  CRITICIZES: { name: 'Criticizes', fg: '#7c2d12', bg: '#fddcc4' },
  BLAMES: { name: 'Blames', fg: '#5b2a0e', bg: '#ead8c8' },
  WARNS: { name: 'Warns', fg: '#6a3a00', bg: '#ffe3a8' },
  CONCERNED: { name: 'Concerned', fg: '#3f3f46', bg: '#e4e4e7' },
};

/** Readable name of a stance kind. */
export function stanceName(kind: string): string {
  return enumLabel('StanceKind', kind);
}

