/**
 * GraphQL fragments several views select, with the shapes in types.ts. A document that
 * spreads a fragment appends its text (fragments are not deduplicated, so append each once).
 * The server's limits give a selection the same verdict whether it is written inline or
 * through fragments (test/api/fragment-spellings.int.test.ts), so views share these.
 */

/** Selects a StatementFull as the fragment StatementFields. */
export const statementFields = /* GraphQL */ `
  fragment StatementFields on Statement {
    id
    mode
    text
    language
    gloss
    note
    said { iso }
    speaker { id label }
    onBehalfOf { id label }
    source { id title url published { iso } }
    via { id title }
    event { id label }
  }
`;

/** Selects a fact's reports and corroboration (issue 16) as the fragments ReportFields and CorroborationFields. */
export const reportFields = /* GraphQL */ `
  fragment ReportFields on Report {
    id
    mode
    text
    language
    gloss
    speaker { id label }
    source { id title url published { iso } }
    via { id title }
  }
  fragment CorroborationFields on Corroboration {
    count
    languages
    origins
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
