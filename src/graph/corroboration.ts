/**
 * A fact's corroboration (issue 16, docs/decisions/0036 §6): from its renderings (each
 * report, and a statement's own text), the distinct sources, languages and origins.
 */
import type { EntityRecord } from './entity-record.js';

/** One rendering of a fact: the page that carries it, its language, and the first outlet of its relay chain. */
export interface Rendering {
  source: EntityRecord;
  language: string;
  /** The id of the first source of the chain (the first `via`), else of the page itself. */
  origin: string;
}

/** What the API answers as `Corroboration`. */
export interface Corroboration {
  sources: EntityRecord[];
  count: number;
  languages: string[];
  origins: number;
}

/**
 * The corroboration of a fact from its renderings: each source once, in the order
 * given (oldest first); languages sorted; a page that carries another outlet's text
 * counts once with that outlet among the origins.
 */
export function corroborationOf(renderings: readonly Rendering[]): Corroboration {
  const sources = new Map<string, EntityRecord>();
  for (const r of renderings) if (!sources.has(r.source.id)) sources.set(r.source.id, r.source);
  return {
    sources: [...sources.values()],
    count: sources.size,
    languages: [...new Set(renderings.map((r) => r.language))].sort(),
    origins: new Set(renderings.map((r) => r.origin)).size,
  };
}
