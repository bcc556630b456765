/**
 * GraphiQL's storage without request headers. GraphiQL keeps its tabs, its history and
 * its favourites in localStorage; the history (and a tab, once persistence is switched
 * on) would keep the Headers editor too, `Authorization: Bearer <key>` included, where
 * any script on this origin could read it. This storage drops the Headers editor's own
 * key and blanks every `headers` field of what GraphiQL stores, whatever the setting.
 */
import type { Storage } from '@graphiql/toolkit';

const NAMESPACE = 'graphiql:';
/** Where GraphiQL keeps the Headers editor's text when persisting headers. */
const HEADERS_KEY = `${NAMESPACE}headers`;

/** The value with every `headers` field set to null (GraphiQL's own "no headers"); non-JSON values unchanged. */
export function withoutHeaders(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (parsed === null || typeof parsed !== 'object') return value;
  return JSON.stringify(parsed, (key, v: unknown) => (key === 'headers' ? null : v));
}

/** A GraphiQL storage over localStorage (GraphiQL's keys only) that never stores request headers. */
export function headerFreeStorage(backing: globalThis.Storage = localStorage): Storage {
  const ownKeys = (): string[] => Object.keys(backing).filter((key) => key.startsWith(NAMESPACE));
  // Headers an earlier version of the playground may have stored.
  for (const key of ownKeys()) {
    if (key === HEADERS_KEY) backing.removeItem(key);
    else backing.setItem(key, withoutHeaders(backing.getItem(key) ?? ''));
  }
  return {
    getItem: (key) => (key === HEADERS_KEY ? null : backing.getItem(key)),
    setItem(key, value) {
      if (key === HEADERS_KEY) backing.removeItem(key);
      else backing.setItem(key, withoutHeaders(value));
    },
    removeItem: (key) => backing.removeItem(key),
    clear() {
      for (const key of ownKeys()) backing.removeItem(key);
    },
    get length() {
      return ownKeys().length;
    },
  };
}
