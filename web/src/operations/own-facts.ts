/**
 * The entity kinds whose facts the dashboard shows with pages written by hand (a `case`
 * of web/src/views/entity-facts.ts, or a view of their own). Every other kind's fields
 * are selected by the generated fragment ModelFacts and shown from the model
 * (docs/decisions/0039): `npm run generate` reads this list, so it imports nothing.
 */

/** The EntityKind values with hand-made facts; a kind added to the model is not one of them. */
export const KINDS_WITH_OWN_FACTS: readonly string[] = [
  'ACTOR', 'DEMAND', 'STANCE', 'STATEMENT', 'EVENT', 'ISSUE', 'SOURCE', 'PLACE', 'INSTRUMENT', 'OFFICE', 'MEMBERSHIP', 'FIGURE',
];
