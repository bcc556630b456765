/**
 * The languages of localized text: which BCP 47 tags are accepted, which Neo4j
 * full-text analyzer finds the words of each language the graph knows by name, and
 * the fallback order that picks one text of several (docs/decisions/0031). Nothing
 * about a language is written outside this module. Imports nothing.
 */

/** A language with a full-text analyzer of its own. */
export interface Language {
  /** Its BCP 47 tag. */
  tag: string;
  /** Its name in English, for messages and docs. */
  name: string;
  /** The Neo4j full-text analyzer that stems its words (`CALL db.index.fulltext.listAvailableAnalyzers()` in Neo4j 5.26). */
  analyzer: string;
  /**
   * Its index also holds the fields whose language varies from node to node (aliases, a
   * statement's words), which an index cannot route by language: the languages of the
   * corpus. Not every language, as each index costs on every write.
   */
  mixed?: boolean;
}

/**
 * The languages search stems, one full-text index per analyzer. Neo4j 5.26 has no
 * Ukrainian, Polish or Malay analyzer: text in those (and any other tag) is still found
 * through the folding index, word for word but without stems.
 */
export const LANGUAGES: readonly Language[] = [
  { tag: 'en', name: 'English', analyzer: 'english', mixed: true },
  { tag: 'id', name: 'Indonesian', analyzer: 'indonesian', mixed: true },
  { tag: 'ru', name: 'Russian', analyzer: 'russian', mixed: true },
  { tag: 'de', name: 'German', analyzer: 'german' },
  { tag: 'fr', name: 'French', analyzer: 'french' },
  { tag: 'es', name: 'Spanish', analyzer: 'spanish' },
  { tag: 'pt', name: 'Portuguese', analyzer: 'portuguese' },
  { tag: 'it', name: 'Italian', analyzer: 'italian' },
  { tag: 'nl', name: 'Dutch', analyzer: 'dutch' },
  { tag: 'tr', name: 'Turkish', analyzer: 'turkish' },
  { tag: 'ar', name: 'Arabic', analyzer: 'arabic' },
  { tag: 'zh', name: 'Chinese', analyzer: 'cjk' },
  { tag: 'ja', name: 'Japanese', analyzer: 'cjk' },
  { tag: 'ko', name: 'Korean', analyzer: 'cjk' },
];

/** The language a text falls back to after the asked one: the graph's working language. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * A BCP 47 tag as the graph writes it: a language of 2-3 lower-case letters, then
 * optionally a script (`Latn`), a region (`BR`, `419`) and variants, e.g. `en`,
 * `pt-BR`, `sr-Latn`, `es-419`. Mis-cased tags (`EN`, `pt-br`) are refused so that one
 * language has one key.
 */
const TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*$/;

/** True when `tag` is a BCP 47 language tag in the graph's casing (see TAG). */
export function isLanguageTag(tag: string): boolean {
  return TAG.test(tag);
}

/** What is wrong with a tag, for messages: why it is refused and what would do. */
export function languageTagProblem(tag: string): string {
  const fixed = tag.split(/[-_]/).map((p, i) => (i === 0 ? p.toLowerCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p.length === 2 ? p.toUpperCase() : p)).join('-');
  const hint = fixed !== tag && isLanguageTag(fixed) ? `: write "${fixed}"` : ': use a BCP 47 language tag such as "en", "id", "ru" or "pt-BR"';
  return `"${tag}" is not a language tag${hint}`;
}

/** The base language of a tag: "pt-BR" -> "pt"; a tag without subtags is its own. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]!;
}

/**
 * The order in which the languages of a text are tried: the asked language, its base
 * language (pt-BR -> pt), English, the entity's original language (a source's
 * `language`), then the other tags alphabetically. Only tags the text has are listed.
 */
export function fallbackOrder(available: Iterable<string>, asked?: string | null, original?: string | null): string[] {
  const have = [...new Set(available)].sort();
  const wanted = [asked, asked ? baseLanguage(asked) : null, DEFAULT_LANGUAGE, original, original ? baseLanguage(original) : null];
  const first = wanted.filter((t): t is string => typeof t === 'string' && have.includes(t));
  return [...new Set([...first, ...have])];
}

/** A text in one language. */
export interface LocalizedString {
  lang: string;
  text: string;
}

/**
 * The first text of the fallback order (fallbackOrder's first tag) in one pass, without
 * building or sorting the list: `textIn` gives the text in a tag, or undefined; `tags`, the
 * tags there are texts in (only walked when none of the preferred ones has a text).
 */
export function firstText(tags: Iterable<string>, textIn: (tag: string) => string | undefined, asked?: string | null, original?: string | null): LocalizedString | null {
  for (const tag of [asked, asked ? baseLanguage(asked) : null, DEFAULT_LANGUAGE, original, original ? baseLanguage(original) : null]) {
    if (typeof tag !== 'string') continue;
    const text = textIn(tag);
    if (text !== undefined) return { lang: tag, text };
  }
  let first: string | undefined;
  for (const tag of tags) if ((first === undefined || tag < first) && textIn(tag) !== undefined) first = tag;
  return first === undefined ? null : { lang: first, text: textIn(first)! };
}

/** The text in the first language of the fallback order that has one, and which language that is; null for no text. */
export function bestText(texts: Readonly<Record<string, string>>, asked?: string | null, original?: string | null): LocalizedString | null {
  return firstText(Object.keys(texts), (tag) => (Object.hasOwn(texts, tag) ? texts[tag] : undefined), asked, original);
}

/** The node property holding a localized field's text in one language: `name.en` (backticked in Cypher). */
export function localizedProperty(field: string, tag: string): string {
  return `${field}.${tag}`;
}

/** The node property holding a localized field's texts in every language, joined with " | ", for the folding index. */
export function joinedProperty(field: string): string {
  return `${field}All`;
}

/** A localized field's texts by language, from a node's properties (`name.en`, `name.ru`, ...). */
export function localizedTexts(props: Readonly<Record<string, unknown>>, field: string): Record<string, string> {
  const prefix = `${field}.`;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) if (k.startsWith(prefix) && typeof v === 'string') out[k.slice(prefix.length)] = v;
  return out;
}

/** The languages search stems, grouped by analyzer (one full-text index each), in table order. */
export function analyzerGroups(): Array<{ analyzer: string; tags: string[]; mixed: boolean }> {
  const groups = new Map<string, { tags: string[]; mixed: boolean }>();
  for (const l of LANGUAGES) {
    const g = groups.get(l.analyzer) ?? { tags: [], mixed: false };
    groups.set(l.analyzer, { tags: [...g.tags, l.tag], mixed: g.mixed || l.mixed === true });
  }
  return [...groups].map(([analyzer, g]) => ({ analyzer, ...g }));
}
