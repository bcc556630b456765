/**
 * API keys as :ApiKey nodes in Neo4j: created and revoked by `npm run keys`, checked
 * on every request that carries a bearer token. The key text itself is never stored,
 * returned after creation, or logged.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { generateKey, keyIdOf, tokenMatches } from './api-key-token.js';
import type { KeyScope, Principal } from './principal.js';

/** A key as listed: never its text or hash. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  scope: KeyScope;
  createdAt: string;
  revokedAt: string | null;
}

/** A key just created: its info and its full text, which only the creator ever sees. */
export interface CreatedApiKey extends ApiKeyInfo {
  token: string;
}

/** A key name: printable, at most 100 characters. */
export const KEY_NAME = /^[\p{L}\p{N} ._@:/-]{1,100}$/u;

/** Creates a key with a name and scope; the caller shows `token` once. */
export async function createApiKey(driver: Driver, database: string, args: { name: string; scope: KeyScope }): Promise<CreatedApiKey> {
  if (!KEY_NAME.test(args.name)) throw new Error('a key name is 1-100 letters, digits, spaces and . _ @ : / -');
  const key = generateKey();
  const res = await driver.executeQuery(cypher('write/create-api-key'), { id: key.id, name: args.name, scope: args.scope, hash: key.hash }, { database });
  const row = toPlain(res.records[0]!.toObject()) as Omit<ApiKeyInfo, 'revokedAt'>;
  return { ...row, revokedAt: null, token: key.token };
}

/** Every key, oldest first (a read: routed to any member of a cluster). */
export async function listApiKeys(driver: Driver, database: string): Promise<ApiKeyInfo[]> {
  const res = await driver.executeQuery(cypher('write/list-api-keys'), {}, { database, routing: neo4j.routing.READ });
  return res.records.map((r) => toPlain(r.toObject()) as ApiKeyInfo);
}

/** Revokes a key by id; undefined when there is no such key. */
export async function revokeApiKey(driver: Driver, database: string, id: string): Promise<{ id: string; name: string; revokedAt: string; already: boolean } | undefined> {
  const res = await driver.executeQuery(cypher('write/revoke-api-key'), { id }, { database });
  const r = res.records[0];
  return r ? (toPlain(r.toObject()) as { id: string; name: string; revokedAt: string; already: boolean }) : undefined;
}

/**
 * The principal of a bearer token, or null when the token is malformed, unknown, or
 * revoked. Looks the key up by its public id and compares hashes in constant time;
 * `timeoutMs` bounds the lookup's transaction (NEO4J_TX_TIMEOUT for requests).
 * Runs on every request with a key, so it is routed as a read: on a cluster, to the
 * followers, not the leader that takes the writes (docs/scaling.md).
 */
export async function verifyApiKey(driver: Driver, database: string, token: string, timeoutMs?: number): Promise<Principal | null> {
  const id = keyIdOf(token);
  if (id === undefined) return null;
  const res = await driver.executeQuery(cypher('write/find-api-key'), { id }, {
    database,
    routing: neo4j.routing.READ,
    ...(timeoutMs === undefined ? {} : { transactionConfig: { timeout: timeoutMs } }),
  });
  const row = res.records[0]?.toObject() as { id: string; name: string; scope: KeyScope; hash: string; revoked: boolean } | undefined;
  if (!row || row.revoked || !tokenMatches(token, row.hash)) return null;
  return { keyId: row.id, name: row.name, scope: row.scope };
}
