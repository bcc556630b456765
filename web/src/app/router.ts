/**
 * Hash routes: every view has a shareable URL such as `#/actor/russia` or
 * `#/positions?demand=demand-nato-stop-enlargement`.
 */
import type { EntityKind } from '../api/types.js';

/** The views the dashboard has. */
export type RouteName = 'home' | 'search' | 'actor' | 'demand' | 'entity' | 'positions' | 'timeline' | 'paths' | 'unknown';

/** A parsed hash route. */
export interface Route {
  name: RouteName;
  /** The id of `#/actor/:id`, `#/demand/:id`, `#/entity/:id`. */
  id: string;
  query: URLSearchParams;
  /** The hash as given, for "nothing here" messages. */
  hash: string;
}

const withId: ReadonlySet<RouteName> = new Set(['actor', 'demand', 'entity']);
const withoutId: ReadonlySet<RouteName> = new Set(['search', 'positions', 'timeline', 'paths']);

/** Parses `#/name/id?query` (a missing or empty hash is home). */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const segments = pathPart.split('/').filter((s) => s.length > 0).map(safeDecode);
  const [first, second, ...rest] = segments;
  if (first === undefined) return { name: 'home', id: '', query, hash };
  const name = first as RouteName;
  if (withId.has(name) && second !== undefined && rest.length === 0) return { name, id: second, query, hash };
  if (withoutId.has(name) && second === undefined) return { name, id: '', query, hash };
  return { name: 'unknown', id: '', query, hash };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The hash of a view, with query parameters (empty values are left out). */
export function routeHref(name: Exclude<RouteName, 'unknown'>, id?: string, query?: Record<string, string | undefined | null>): string {
  const path = name === 'home' ? '#/' : `#/${name}${id ? `/${encodeURIComponent(id)}` : ''}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Where an entity opens: actors and demands have their own views, the rest the generic one. */
export function entityHref(entity: { id: string; entityKind?: EntityKind; kind?: EntityKind }): string {
  const kind = entity.entityKind ?? entity.kind;
  if (kind === 'ACTOR') return routeHref('actor', entity.id);
  if (kind === 'DEMAND') return routeHref('demand', entity.id);
  return routeHref('entity', entity.id);
}
