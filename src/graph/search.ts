/**
 * Full-text search: turns the analyst's words into a safe Lucene query (every
 * special character escaped, each word also tried as a prefix) and runs it.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';

/** One ranked hit. */
export interface SearchHit {
  entity: EntityRecord;
  score: number;
  matchedText: string | null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const SEARCHED_FIELDS = ['name', 'nameId', 'aliasesText', 'title', 'titleId', 'titleEnglish', 'summary', 'summaryId', 'text', 'gloss', 'description'];

/** Lower-cases and strips diacritics, as the index's standard-folding analyzer does. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Builds the Lucene query for free text: each word exact or as a prefix; null when no word is left. */
export function toLuceneQuery(text: string): string | null {
  const words = fold(text)
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ' ').trim())
    .flatMap((w) => w.split(/\s+/))
    .filter((w) => w.length > 0 && !['and', 'or', 'not', 'to'].includes(w))
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((w) => `(${w} OR ${w}*)`).join(' ');
}

/** Runs a search; labels limit the kinds of entity. */
export async function searchEntities(
  reader: GraphReader,
  args: { text: string; labels: string[] | null; skip: number; limit: number },
): Promise<{ total: number; hits: SearchHit[] }> {
  const query = toLuceneQuery(args.text);
  if (query === null) return { total: 0, hits: [] };
  const [row] = await reader.read('search', { query, labels: args.labels, skip: int(args.skip), limit: int(args.limit) });
  const words = fold(args.text).split(/\s+/).filter(Boolean);
  const hits = ((row?.items ?? []) as Row[]).map((item) => {
    const entity = toEntityRecord(item)!;
    const matched = SEARCHED_FIELDS.map((f) => entity[f]).find(
      (v) => typeof v === 'string' && words.some((w) => fold(v).includes(w)),
    );
    return { entity, score: Number(item.score), matchedText: (matched as string | undefined) ?? null };
  });
  return { total: Number(row?.total ?? 0), hits };
}
