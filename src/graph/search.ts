/**
 * Full-text search: turns the analyst's words into safe Lucene queries (every special
 * character escaped) for the folding index (each word also tried as a prefix) and for
 * the per-language indexes (the words as typed, stemmed by each index's analyzer), and
 * runs them; search.cypher merges the hits and puts names equal to the text first.
 */
import { ENTITY_KINDS, SECTION_OF_LABEL, scalarsOf } from '../model/entities.js';
import { localizedTexts } from '../model/languages.js';
import { FOLDING_INDEX, namingFields, searchIndexes } from '../model/search-indexes.js';
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';

/** One ranked hit. */
export interface SearchHit {
  entity: EntityRecord;
  score: number;
  matchedText: string | null;
  /** What tells the hit from others of its name: an actor's kind, a place's country, an event's date. */
  detail: string | null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Lucene's operators, were they upper-cased; never needed as search words. */
const OPERATOR_WORDS = ['and', 'or', 'not', 'to'];
/** The indexes of search (from the model), the folding one first; their naming properties: a word found there counts NAME_BOOST times a word of a text. */
const INDEXES = searchIndexes();
/** The naming fields search.cypher compares with the text: localized ones (each language) and lists (aliases). */
const NAMING = namingFields();
const NAME_BOOST = 3;
const ALL_WORDS_BOOST = 2;
/** How many of the best-scored hits search.cypher compares by name (see there). */
const NAME_WINDOW = 200;

/**
 * Lower-cases and strips the diacritics of Latin letters, as the index's
 * standard-folding analyzer does (it leaves other scripts alone: Russian "й" stays "й").
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').toLowerCase();
}

/** Lower-cases and strips every diacritic: how search.cypher folds names to compare them with the text. */
export function foldAll(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a text, Lucene's special characters turned to spaces; at most 16. */
function luceneWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ' ').trim())
    .flatMap((w) => w.split(/\s+/))
    .filter((w) => w.length > 0 && !OPERATOR_WORDS.includes(w.toLowerCase()))
    .slice(0, 16);
}

/** Builds the Lucene query of the folding index for free text: each word exact or as a prefix; null when no word is left. */
export function toLuceneQuery(text: string, namingProperties: readonly string[] = INDEXES[0]!.namingProperties): string | null {
  const words = luceneWords(fold(text));
  if (words.length === 0) return null;
  return rankQuery(words.map((w) => `(${w} OR ${w}*)`), namingProperties);
}

/** Builds the Lucene query of a language index: the words as typed, lower-cased, which the index's analyzer stems; null when no word is left. */
export function toStemmedQuery(text: string, namingProperties: readonly string[] = INDEXES[1]!.namingProperties): string | null {
  const words = luceneWords(text.toLowerCase());
  return words.length === 0 ? null : rankQuery(words, namingProperties);
}

/** The query of every search index for a text: the folding one's and each language index's; null when no word is left. */
export function indexQueries(text: string): Array<{ index: string; query: string }> | null {
  const queries = INDEXES.map((i) => ({ index: i.name, query: i.name === FOLDING_INDEX ? toLuceneQuery(text, i.namingProperties) : toStemmedQuery(text, i.namingProperties) }));
  return queries.some((q) => q.query === null) ? null : (queries as Array<{ index: string; query: string }>);
}

/** A property name as a Lucene field: `name.en` needs no escaping, but a colon or space would. */
function luceneField(property: string): string {
  return property.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A hit needs one of the words (clauses) but ranks higher the more it has: a hit with
 * all of them counts ALL_WORDS_BOOST times more ("Grushko press conference" finds the
 * press conference before Grushko), and words in naming fields count NAME_BOOST times
 * more: "missiles" ranks the issue named "Missile deployment" above a statement whose
 * gloss says "missiles" (a field an index lacks matches nothing, harmlessly).
 */
function rankQuery(clauses: string[], namingProperties: readonly string[]): string {
  const any = clauses.join(' ');
  const all = clauses.length > 1 ? [`(${clauses.map((c) => `+${c}`).join(' ')})^${ALL_WORDS_BOOST}`] : [];
  return [...all, ...namingProperties.map((f) => `${luceneField(f)}:(${any})^${NAME_BOOST}`), `(${any})`].join(' ');
}

/** Quotes text for a Java regular expression (search.cypher's name tiers). */
function quoteRegex(text: string): string {
  return `\\Q${text.replaceAll('\\E', '\\E\\\\E\\Q')}\\E`;
}

/** The parameters of search.cypher that compare names with the text: the phrase and two patterns. */
export function namePatterns(text: string): { phrase: string; startsWith: string; holds: string } {
  const phrase = foldAll(text).split(/\s+/).filter(Boolean).join(' ');
  const quoted = quoteRegex(phrase);
  // (?sU): dot matches newlines, \b knows Unicode letters (Cyrillic, accented Latin).
  return { phrase, startsWith: `(?sU)${quoted}\\b.*`, holds: `(?sU).*\\b${quoted}\\b.*` };
}

/**
 * The text a hit matched: the first searched field holding one of the words, or, when
 * the index matched a stem ("missiles" in "Missile deployment"), the word's stem.
 */
function matchedTextOf(entity: EntityRecord, text: string): string | null {
  const words = foldAll(text).split(/\s+/).filter(Boolean);
  const section = SECTION_OF_LABEL[entity.__label];
  if (!section) return null;
  const scalars = new Map(scalarsOf(section));
  const values = ENTITY_KINDS[section].searchText
    .flatMap((f): unknown[] => {
      if (scalars.get(f)?.kind === 'localized') return Object.values(localizedTexts(entity, f));
      // Aliases one by one: the alias that matched, not all of them.
      const list = [...scalars].find(([, spec]) => spec.joinedAs === f);
      return list && Array.isArray(entity[list[0]]) ? (entity[list[0]] as unknown[]) : [entity[f]];
    })
    .filter((v): v is string => typeof v === 'string');
  const holding = (candidates: string[]) => values.find((v) => candidates.some((w) => foldAll(v).includes(w)));
  const stems = words.filter((w) => w.length >= 5).map((w) => w.slice(0, Math.max(4, w.length - 3)));
  return holding(words) ?? (stems.length > 0 ? holding(stems) : undefined) ?? null;
}

/** "city in Russia" -> "City in Russia"; null for nothing. */
function sentenceCase(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.charAt(0).toUpperCase() + value.slice(1) : null;
}

/** Runs a search; labels limit the kinds of entity. */
export async function searchEntities(
  reader: GraphReader,
  args: { text: string; labels: string[] | null; skip: number; limit: number },
): Promise<{ total: number; hits: SearchHit[] }> {
  const queries = indexQueries(args.text);
  if (queries === null) return { total: 0, hits: [] };
  const [row] = await reader.read('search', {
    queries,
    namingFields: NAMING.localized,
    namingLists: NAMING.lists,
    ...namePatterns(args.text),
    window: int(NAME_WINDOW),
    labels: args.labels,
    skip: int(args.skip),
    limit: int(args.limit),
  });
  const hits = ((row?.items ?? []) as Row[]).map((item) => {
    const entity = toEntityRecord(item)!;
    return { entity, score: Number(item.score), matchedText: matchedTextOf(entity, args.text), detail: sentenceCase(item.detail) };
  });
  return { total: Number(row?.total ?? 0), hits };
}
