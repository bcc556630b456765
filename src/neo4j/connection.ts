/**
 * Where and as whom to connect: the one place that turns configuration into a Bolt
 * address and credentials, so the local server's password file is read in one place.
 */
import fs from 'node:fs';
import neo4j, { type AuthToken } from 'neo4j-driver';
import type { Config } from '../config.js';
import { homeLayout } from '../local-neo4j/home-layout.js';

/** Everything a driver needs to reach the configured database. */
export interface Neo4jConnection {
  uri: string;
  authToken: AuthToken;
  database: string;
  /** The user name, for messages; never the password. */
  user: string;
}

/** Thrown when the local server's password is nowhere to be found. */
export class MissingPasswordError extends Error {
  override name = 'MissingPasswordError';
}

/**
 * Resolves the connection for a configuration. For the local server the password is
 * NEO4J_PASSWORD when set, else the one `npm run db:start` generated into <home>/password.
 */
export function resolveNeo4jConnection(config: Config): Neo4jConnection {
  const { uri, user, database, auth, local } = config.neo4j;
  if (auth === 'none') return neo4jConnection({ uri, user, password: null, database });
  const password = config.neo4j.password ?? (local ? readLocalPassword(config.localNeo4j.home) : undefined);
  if (password === undefined) {
    // loadConfig already refuses a remote URI with basic auth and no password.
    throw new MissingPasswordError('NEO4J_PASSWORD is not set');
  }
  return neo4jConnection({ uri, user, password, database });
}

/** Builds a connection from plain values; a null password means a server without authentication. */
export function neo4jConnection(p: { uri: string; user: string; password: string | null; database: string }): Neo4jConnection {
  const authToken = p.password === null ? noAuth() : neo4j.auth.basic(p.user, p.password);
  return { uri: p.uri, authToken, database: p.database, user: p.user };
}

/** neo4j.auth.none(): present at run time, but missing from neo4j-driver 6.3's index.d.ts. */
function noAuth(): AuthToken {
  return (neo4j.auth as typeof neo4j.auth & { none(): AuthToken }).none();
}

function readLocalPassword(home: string): string {
  const file = homeLayout(home).passwordFile;
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MissingPasswordError(
        `no password for the local Neo4j: ${file} does not exist and NEO4J_PASSWORD is not set (run npm run db:start first)`,
      );
    }
    throw err;
  }
}
