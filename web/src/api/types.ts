/**
 * Names for the shapes of the API's answers that several views share. Every one is
 * derived from the types `npm run generate` writes from schema.graphql and the
 * dashboard's operations (__generated__/graphql.ts), so a field renamed or made nullable
 * in the schema fails the dashboard's typecheck instead of a view at run time.
 */
import type {
  EntityKind,
  StanceKind,
  StatementFieldsFragment,
  SubgraphFieldsFragment,
  TimelineItemKind,
  TimelineQuery,
} from './__generated__/graphql.js';

export type { EntityKind, StanceKind, TimelineItemKind };

/** Every EntityKind, in the order filters list them. */
export const ENTITY_KINDS = [
  'ACTOR',
  'DEMAND',
  'STANCE',
  'STATEMENT',
  'EVENT',
  'ISSUE',
  'INSTRUMENT',
  'SOURCE',
  'PLACE',
  'OFFICE',
  'MEMBERSHIP',
  'FIGURE',
  'REPORT',
] as const satisfies readonly EntityKind[];

/** Compiles only while ENTITY_KINDS lists every EntityKind of the schema. */
export const ENTITY_KINDS_COMPLETE: [Exclude<EntityKind, (typeof ENTITY_KINDS)[number]>] extends [never] ? true : never = true;

/** A statement with its quote, speaker and chain of sources (fragment StatementFields). */
export type StatementFull = StatementFieldsFragment;

/** A reference to an actor (always links to the actor page). */
export type ActorRef = StatementFull['speaker'];

/** A PartialDate as selected: its ISO form. */
export type DateIso = StatementFull['said'];

/** A source as quotes and facts cite it: a statement's source, or one it came via (no url or date). */
export type SourceRef = Omit<StatementFull['source'], 'url' | 'published'> & Partial<Pick<StatementFull['source'], 'url' | 'published'>>;

/** Nodes and edges ready to draw (fragment SubgraphFields). */
export type SubgraphData = SubgraphFieldsFragment;

/** A node of a drawn graph. */
export type GraphNodeData = SubgraphData['nodes'][number];

/** An edge of a drawn graph; `properties` is JSON text. */
export type GraphEdgeData = SubgraphData['edges'][number];

/** A connection page's cursor state. */
export type PageInfoData = NonNullable<TimelineQuery['timeline']>['pageInfo'];

/**
 * An answer the client resolved with: it rejects any answer with errors, and a root
 * field (nullable, so one failure nulls only itself) is null only beside an error.
 */
export type Answered<T> = { [K in keyof T]: NonNullable<T[K]> };

/** A selection on an interface as one shape: the shared fields, and each implementation's own fields as optional. */
export type Merged<U> = Pick<U, keyof U> & Partial<UnionToIntersection<U>>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
