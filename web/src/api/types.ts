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
  'CLAIM',
] as const satisfies readonly EntityKind[];

/** Compiles only while ENTITY_KINDS lists every EntityKind of the schema. */
export const ENTITY_KINDS_COMPLETE: [Exclude<EntityKind, (typeof ENTITY_KINDS)[number]>] extends [never] ? true : never = true;

/** A statement with its quote, speaker and chain of sources (fragment StatementFields). */
export type StatementFull = StatementFieldsFragment;

/** A reference to an actor (always links to the actor page). */
export type ActorRef = StatementFull['speaker'];

/** A PartialDate as selected: its ISO form. */
export type DateIso = StatementFull['said'];

/** A source as quotes and facts cite it (fragment SourceRef): its title in the display language, with the language it is in. */
export type SourceRef = StatementFull['source'];

/** A source a statement came through: by its label only (see fragments.ts). */
export type ViaSourceRef = StatementFull['via'][number];

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

/** A text in one language, as LocalizedText.best and .all answer it. */
export interface LocalizedString {
  lang: string;
  text: string;
}

/** Which language a text is in, as LocalizedText.best answers with only `lang` selected. */
export interface LabelLanguage {
  best: { lang: string };
}

/** An entity reference with the language of its label (fragment LabelLanguage: one of these, by kind). */
export interface LabelledRef {
  label: string;
  names?: LabelLanguage | null;
  titles?: LabelLanguage | null;
  summaries?: LabelLanguage | null;
}
