/**
 * The shapes of the API's answers as the dashboard's operations select them
 * (see operations.ts); field names and meanings follow schema.graphql.
 */

/** EntityKind of the schema. */
export type EntityKind =
  | 'ACTOR'
  | 'SOURCE'
  | 'PLACE'
  | 'ISSUE'
  | 'INSTRUMENT'
  | 'OFFICE'
  | 'MEMBERSHIP'
  | 'DEMAND'
  | 'STATEMENT'
  | 'STANCE'
  | 'EVENT'
  | 'FIGURE';

/** Every EntityKind, in the order filters list them. */
export const ENTITY_KINDS: readonly EntityKind[] = [
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
];

/** StanceKind of the schema. */
export type StanceKind = 'REJECTS' | 'SUPPORTS' | 'OPEN_TO' | 'CONDITIONS' | 'OFFERS' | 'ACCUSES' | 'CRITICIZES' | 'BLAMES' | 'WARNS' | 'CONCERNED';

/** TimelineItemKind of the schema. */
export type TimelineItemKind = 'EVENT' | 'STATEMENT' | 'STANCE';

/** The smallest reference to an entity: enough to link it. */
export interface EntityRef {
  id: string;
  entityKind: EntityKind;
  label: string;
}

/** A reference to an actor (always links to the actor page). */
export interface ActorRef {
  id: string;
  label: string;
}

/** A PartialDate as selected: its ISO form. */
export interface DateIso {
  iso: string;
}

/** A source as quotes and facts cite it. */
export interface SourceRef {
  id: string;
  title: string;
  titleEnglish: string | null;
  url?: string | null;
  published?: DateIso | null;
}

/** A statement with its quote, speaker and chain of sources. */
export interface StatementFull {
  id: string;
  mode: string;
  text: string;
  language: string;
  gloss: string;
  note: string | null;
  said: DateIso;
  speaker: ActorRef;
  onBehalfOf: ActorRef | null;
  source: SourceRef;
  via: SourceRef[];
  event: { id: string; label: string } | null;
}

/** A node of a drawn graph. */
export interface GraphNodeData {
  id: string;
  kind: EntityKind;
  label: string;
  subkind: string | null;
}

/** An edge of a drawn graph; `properties` is JSON text. */
export interface GraphEdgeData {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: string | null;
}

/** Nodes and edges ready to draw. */
export interface SubgraphData {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  truncated: boolean;
}

/** A connection page's cursor state. */
export interface PageInfoData {
  hasNextPage: boolean;
  endCursor: string | null;
}
