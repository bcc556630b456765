/**
 * GraphQL fragments several views select, with the shapes in types.ts. A document that
 * spreads a fragment appends its text (fragments are not deduplicated, so append each once).
 */

/**
 * The fields of a StatementFull, to inline where a fragment spread would cost too much
 * (graphql-armor's cost limit counts a spread's fields once more, times its depth factor).
 */
export const statementSelection = /* GraphQL */ `
    id
    mode
    text
    language
    gloss
    note
    said { iso }
    speaker { id label }
    onBehalfOf { id label }
    source { id title titleEnglish url published { iso } }
    via { id title titleEnglish }
    event { id label }
`;

/** Selects a StatementFull as the fragment StatementFields. */
export const statementFields = /* GraphQL */ `
  fragment StatementFields on Statement {${statementSelection}  }
`;

/** Selects a SubgraphData. */
export const subgraphFields = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    nodes { id kind label subkind }
    edges { id type source target properties }
    truncated
  }
`;
