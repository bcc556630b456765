import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** An Apollo Client for diplograph: the schema's possibleTypes, and Relay paging merged in the cache. */
export async function createDiplographClient(endpoint = 'http://127.0.0.1:4000/graphql'): Promise<ApolloClient> {
  // Without possibleTypes, fields of a fragment on an interface (`... on Entity`) are dropped.
  const possibleTypes = (await (await fetch(new URL('/possible-types.json', endpoint))).json()) as Record<string, string[]>;
  return new ApolloClient({
    link: new HttpLink({ uri: endpoint }),
    cache: new InMemoryCache({
      possibleTypes,
      typePolicies: {
        Query: {
          fields: {
            actors: relayStylePagination(['kind']),
            demands: relayStylePagination(),
            search: relayStylePagination(['text', 'kinds']),
            timeline: relayStylePagination(['filter', 'order']),
            changes: relayStylePagination(['entityId', 'keyId', 'from', 'to']),
          },
        },
        // The key arguments are those a cursor is bound to: a list in another order is another list.
        Actor: {
          fields: {
            stances: relayStylePagination(['order']),
            statements: relayStylePagination(['role', 'order']),
            events: relayStylePagination(['order']),
          },
        },
        Issue: {
          fields: {
            stances: relayStylePagination(['order']),
            statements: relayStylePagination(['order']),
          },
        },
      },
    }),
  });
}

/** Any entity by id, through a fragment on the Entity interface. */
export const ENTITY_CARD = gql`
  query EntityCard($id: ID!) {
    node(id: $id) { id ...EntityFields }
  }
  fragment EntityFields on Entity { entityKind label }
`;

/** Actors, a page at a time: fetchMore with the last endCursor appends the next page. */
export const ACTORS = gql`
  query Actors($after: String) {
    actors(first: 5, after: $after) {
      totalCount
      edges { cursor node { id label kind } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** The newest items of the timeline, read backwards: `last` with `before`, and fetchMore prepends the page before. */
export const LATEST = gql`
  query Latest($before: String) {
    timeline(last: 3, before: $before) {
      totalCount
      edges { cursor node { kind title date { start } } }
      pageInfo { hasPreviousPage startCursor }
    }
  }
`;

/** What went wrong, by the API's codes (extensions.code), and when to try again. */
export function describeFailure(error: unknown): { code: string; message: string; retryAfterSeconds?: number }[] {
  if (CombinedGraphQLErrors.is(error)) {
    // NOT_FOUND: an unknown id (only that field is null); BAD_USER_INPUT: extensions.argumentName
    // names the argument; QUERY_TIMEOUT or a limit (QUERY_TOO_DEEP, QUERY_TOO_COSTLY, ...): ask for
    // less. RATE_LIMITED (HTTP 429) and OVERLOADED (503): send it again after retryAfter seconds.
    return error.errors.map((e) => {
      const retryAfter = e.extensions?.['retryAfter'];
      return {
        code: String(e.extensions?.['code'] ?? 'UNKNOWN'),
        message: e.message,
        ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
      };
    });
  }
  // A body that is not a GraphQL answer (a proxy's error page, say).
  if (ServerError.is(error)) return [{ code: `HTTP_${error.statusCode}`, message: error.message }];
  return [{ code: 'NETWORK_ERROR', message: String(error) }];
}
