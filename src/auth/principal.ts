/**
 * Who is calling: the API key a request was made with, by id and name, and what
 * its scope allows. Requests without a key have no principal (null).
 */

/** Scopes of API keys: `read` queries only; `write` queries and mutations. */
export const KEY_SCOPES = ['read', 'write'] as const;
/** The scope of an API key. */
export type KeyScope = (typeof KEY_SCOPES)[number];

/** The caller of one request, as established from its API key. */
export interface Principal {
  /** The key's public id (the part of the key before its secret). */
  keyId: string;
  /** The name the key was created with (who or what uses it). */
  name: string;
  scope: KeyScope;
}

/** Whether a principal may write (only write-scoped keys may). */
export const canWrite = (principal: Principal | null | undefined): boolean => principal?.scope === 'write';
