/**
 * Small inline elements shared by the views: kind badges, stance chips, entity links,
 * lists of actor links.
 */
import type { ActorRef, EntityKind, StanceKind } from '../api/types.js';
import { entityHref, routeHref } from '../app/router.js';
import { h, type Child } from './dom.js';
import { labelLink, type LabelledRef } from './localized.js';
import { ENTITY_KIND_STYLE, kindName, STANCE_STYLE, stanceName } from './kinds.js';

/** A coloured badge naming an entity kind. */
export function kindBadge(kind: string): HTMLSpanElement {
  const style = ENTITY_KIND_STYLE[kind as EntityKind];
  return h('span', { class: 'badge kind-badge', style: style ? `--kind:${style.colour}` : null }, kindName(kind));
}

/** A chip naming a stance kind in its colours. */
export function stanceChip(kind: string, extra?: Child): HTMLSpanElement {
  const style = STANCE_STYLE[kind as StanceKind];
  return h('span', { class: 'stance-chip', style: style ? `--chip-fg:${style.fg};--chip-bg:${style.bg}` : null }, stanceName(kind), extra);
}

/** A link to an entity's view; its label carries its language when the query selected it (fragment LabelLanguage). */
export function entityLink(entity: { id: string; entityKind?: EntityKind; kind?: EntityKind } & LabelledRef): Child {
  return labelLink(entityHref(entity), entity);
}

/** An actor as views link it: its label, and (when selected) the language of that label. */
export type ActorLinkData = Pick<ActorRef, 'id' | 'label'> & Partial<Pick<ActorRef, 'names'>>;

/** A link to an actor's view; its name carries its language, marked when it is not the display language. */
export function actorLink(actor: ActorLinkData): Child {
  return labelLink(routeHref('actor', actor.id), actor);
}

/** Actor links separated by commas, or a dash. */
export function actorList(actors: readonly ActorLinkData[]): Child {
  if (actors.length === 0) return '—';
  return actors.flatMap((a, i) => (i === 0 ? [actorLink(a)] : [', ', actorLink(a)]));
}

/** A description list from label/value pairs; pairs with an empty value are left out. */
export function facts(pairs: readonly [string, Child][]): HTMLDListElement {
  const kept = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  return h('dl', { class: 'facts' }, kept.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}
