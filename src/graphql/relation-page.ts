/**
 * The page a paged relationship field reads (Actor.stances, Actor.statements, ...):
 * what its cursors are bound to and which rows to read. One function for the
 * resolver and for the lookup that reads the page ahead (projection.ts), so both
 * read the same rows under the same loader key.
 */
import type { PageArgs } from '../graph/loaders.js';
import { filtersByRole, PAGED_RELATIONS, type PagedRelationField } from '../graph/relations.js';
import { keysetWindow, readsDescending, type ConnectionArgs, type ConnectionRef, type KeysetWindow } from './pagination.js';

/** The arguments of a paged relationship field. */
export type RelationPageArgs = ConnectionArgs & { order?: string | null; role?: string | null };

/** A decoded page of a relationship field of one entity. */
export interface RelationPage {
  ref: ConnectionRef;
  window: KeysetWindow;
  page: PageArgs;
  /** The role, for a field filtered by role (Actor.statements: `ANY` when not given); otherwise null. */
  filter: string | null;
}

/**
 * Decodes the arguments of `field` on the entity `parentId`; BAD_USER_INPUT naming the
 * argument when they are off. With `parentId` null (a lookup planning what to read
 * ahead), a cursor of any entity's `field` passes: the resolver checks the parent.
 */
export function relationPage(field: PagedRelationField, parentId: string | null, args: RelationPageArgs): RelationPage {
  const order = args.order === 'ASC' ? 'ASC' : 'DESC';
  const filter = filtersByRole(PAGED_RELATIONS[field]) ? (args.role ?? 'ANY') : null;
  const ref: ConnectionRef = { field, ...(parentId === null ? {} : { of: parentId }), args: filter === null ? { order } : { role: filter, order } };
  const window = keysetWindow(ref, args);
  // One more row than asked for says whether there are more in the reading direction.
  const page: PageArgs = { after: window.after, skip: 0, limit: window.limit + 1, desc: readsDescending(order, window) };
  return { ref, window, page, filter };
}
