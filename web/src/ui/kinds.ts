/**
 * How kinds look: a colour and a shape per entity kind (graphs, badges), a colour
 * and a readable name per stance kind (matrix cells, thread groups). Colours are
 * never the only cue: badges and cells always carry the kind's name as text.
 */
import type { EntityKind, StanceKind } from '../api/types.js';
import { enumLabel } from '../text/vocabulary.js';

/** Colour and graph shape of an entity kind. */
export interface KindStyle {
  colour: string;
  shape: string;
  name: string;
}

/** Styles of the entity kinds (colours distinguishable for common colour-vision deficiencies, plus shapes). */
export const ENTITY_KIND_STYLE: Record<EntityKind, KindStyle> = {
  ACTOR: { colour: '#1f5fae', shape: 'ellipse', name: 'Actor' },
  DEMAND: { colour: '#c2410c', shape: 'diamond', name: 'Demand' },
  STANCE: { colour: '#7e22ce', shape: 'round-rectangle', name: 'Stance' },
  STATEMENT: { colour: '#0f766e', shape: 'round-tag', name: 'Statement' },
  EVENT: { colour: '#b45309', shape: 'hexagon', name: 'Event' },
  ISSUE: { colour: '#4d7c0f', shape: 'tag', name: 'Issue' },
  INSTRUMENT: { colour: '#9f1239', shape: 'rectangle', name: 'Instrument' },
  SOURCE: { colour: '#475569', shape: 'barrel', name: 'Source' },
  PLACE: { colour: '#0e7490', shape: 'triangle', name: 'Place' },
  OFFICE: { colour: '#6d28d9', shape: 'octagon', name: 'Office' },
  MEMBERSHIP: { colour: '#15803d', shape: 'pentagon', name: 'Membership' },
  FIGURE: { colour: '#a16207', shape: 'star', name: 'Figure' },
  REPORT: { colour: '#334155', shape: 'vee', name: 'Report' },
  CLAIM: { colour: '#57534e', shape: 'rhomboid', name: 'Claim' },
};

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

