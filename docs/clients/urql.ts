import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';

/** An urql client for diplograph. */
export function createDiplographUrql(endpoint = 'http://127.0.0.1:4000/graphql'): Client {
  return new Client({
    url: endpoint,
    exchanges: [cacheExchange, fetchExchange],
    // urql sends short queries as GET; the server's CSRF protection refuses a GET
    // without a preflight header, so send POST (or add `apollo-require-preflight: true`).
    preferGetMethod: false,
  });
}

/** Who took which position on a demand, as of a date: how many, and the first 100 (page on with `offset`). */
export const POSITIONS = gql`
  query Positions($demandId: ID!, $asOf: Date) {
    positions(demandId: $demandId, asOf: $asOf) {
      asOf
      count
      positions(first: 100) { actor { id label } kind basis }
    }
  }
`;
