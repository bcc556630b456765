/**
 * Small inline elements shared by the views: kind badges, stance chips, entity links,
 * lists of actor links.
 */
import type { ActorRef, EntityKind, StanceKind } from '../api/types.js';
import { entityHref, routeHref } from '../app/router.js';
import { h, type Child } from './dom.js';
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

/** A link to an entity's view. */
export function entityLink(entity: { id: string; label: string; entityKind?: EntityKind; kind?: EntityKind }): HTMLAnchorElement {
  return h('a', { href: entityHref(entity) }, entity.label);
}

/** A link to an actor's view. */
export function actorLink(actor: ActorRef): HTMLAnchorElement {
  return h('a', { href: routeHref('actor', actor.id) }, actor.label);
}

/** Actor links separated by commas, or a dash. */
export function actorList(actors: readonly ActorRef[]): Child {
  if (actors.length === 0) return '—';
  return actors.flatMap((a, i) => (i === 0 ? [actorLink(a)] : [', ', actorLink(a)]));
}

/** A description list from label/value pairs; pairs with an empty value are left out. */
export function facts(pairs: readonly [string, Child][]): HTMLDListElement {
  const kept = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  return h('dl', { class: 'facts' }, kept.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}
