/**
 * GET /possible-types.json: the schema's possibleTypes map (src/graphql/possible-types.ts)
 * for clients that configure their cache at run time, computed once from the schema the
 * server serves, so it can never disagree with it.
 */
import type { RequestHandler } from 'express';
import type { DocumentNode } from 'graphql';
import { possibleTypesJson } from '../graphql/possible-types.js';

/** The handler; the map is computed when the server is created. */
export function possibleTypesRoute(typeDefs: DocumentNode): RequestHandler {
  const body = possibleTypesJson(typeDefs);
  return (_req, res) => {
    // Changes only with a new deployment: caches may keep it for a few minutes.
    res.type('application/json').set('cache-control', 'public, max-age=300').send(body);
  };
}
