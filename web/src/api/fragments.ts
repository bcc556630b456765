/**
 * GraphQL fragments several views select, with the shapes in types.ts. A document
 * appends the fragments it spreads with `fragments(...)`, which writes each one once
 * (GraphQL refuses a fragment defined twice). The server's limits give a selection the
 * same verdict whether it is written inline or through fragments
 * (test/api/fragment-spellings.int.test.ts), so views share these.
 *
 * Texts the graph holds in several languages are asked for in the display language
 * (`$lang`, which the client fills in): `label(lang: $lang)` for the text, and where a
 * view marks a text shown in another language, `best(lang: $lang) { lang text }`.
 */

/** An actor as a reference: its label in the display language, and which language that label is in. */
export const actorRefFields = /* GraphQL */ `
  fragment ActorRef on Actor { id label(lang: $lang) names { best(lang: $lang) { lang } } }
`;

/**
 * A source as quotes cite it: its title in the display language, with the language it
 * is in (every language of it would cost more than a statement's whole selection).
 */
export const sourceRefFields = /* GraphQL */ `
  fragment SourceRef on Source { id language titles { best(lang: $lang) { lang text } } url published { iso } }
`;

/** A source as a fact's provenance lists it: also its title in every language, for citations in the original's words. */
export const sourceFullFields = /* GraphQL */ `
  fragment SourceFull on Source { ...SourceRef titles { all { lang text } } }
`;

/**
 * Selects a StatementFull as the fragment StatementFields (spread with actorRefFields and
 * sourceRefFields). The sources a statement came `via` are asked for by label only: the
 * cost estimate counts ten of them per statement, and a demand thread selects a hundred
 * statements, so their titles' languages would take it over the server's limit.
 */
export const statementFields = /* GraphQL */ `
  fragment StatementFields on Statement {
    id
    mode
    text
    language
    gloss
    note
    said { iso }
    speaker { ...ActorRef }
    onBehalfOf { ...ActorRef }
    source { ...SourceRef }
    via { id label(lang: $lang) }
    event { id label(lang: $lang) }
  }
`;

/** The fragments a document spreading StatementFields appends. */
export const statementFragments = [statementFields, actorRefFields, sourceRefFields] as const;

/**
 * Which language an entity's label is in, for any kind whose label is a localized text
 * (its name, title or summary in the display language): spread beside `label(lang: $lang)`.
 */
export const labelLanguageFields = /* GraphQL */ `
  fragment LabelLanguage on Entity {
    ... on Actor { names { best(lang: $lang) { lang } } }
    ... on Issue { names { best(lang: $lang) { lang } } }
    ... on Event { names { best(lang: $lang) { lang } } }
    ... on Place { names { best(lang: $lang) { lang } } }
    ... on Source { titles { best(lang: $lang) { lang } } }
    ... on Instrument { titles { best(lang: $lang) { lang } } }
    ... on Office { titles { best(lang: $lang) { lang } } }
    ... on Demand { summaries { best(lang: $lang) { lang } } }
    ... on Stance { summaries { best(lang: $lang) { lang } } }
  }
`;

/** Selects a fact's reports and corroboration (issue 16) as the fragments ReportFields and CorroborationFields (spread with actorRefFields and sourceRefFields). */
export const reportFields = /* GraphQL */ `
  fragment ReportFields on Report {
    id
    mode
    text
    language
    gloss
    speaker { ...ActorRef }
    source { ...SourceRef }
    via { id label(lang: $lang) }
  }
  fragment CorroborationFields on Corroboration {
    count
    languages
    origins
  }
`;

/** Selects a fact's provenance per claim group (issue 16, docs/decisions/0044) as the fragment GroupFields (spread with sourceRefFields). */
export const groupFields = /* GraphQL */ `
  fragment GroupFields on GroupProvenance {
    group
    item
    itemEntity { id label }
    working
    disputed
    alternatives { value entity { id label } role qualifier languages sources { ...SourceRef } }
  }
`;

/** Selects a SubgraphData. */
export const subgraphFields = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    nodes { id kind label subkind }
    edges { id type source target properties }
    truncated
  }
`;

/** The definitions of the fragments given (flattened), each once, to append to a document. */
export function fragments(...texts: readonly (string | readonly string[])[]): string {
  return [...new Set(texts.flat())].join('\n');
}
