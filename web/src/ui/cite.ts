/**
 * The "cite" action: the sources and quotes behind a matrix cell or a path, fetched
 * (Query.provenance) and written as plain text an analyst can paste into a report.
 */
import type { GraphqlClient } from '../api/graphql-client.js';
import type { SourceRef, StatementFull } from '../api/types.js';
import { CITE_BATCH, citeDocument, type CiteProvenance } from '../operations/cite.js';
import { formatDate } from '../text/dates.js';
import type { LocalizedString } from './localized.js';
import { say } from '../text/vocabulary.js';

/** Fetches the provenance of facts (unknown ids and facts without provenance are left out). */
export async function fetchProvenance(client: GraphqlClient, ids: readonly string[], signal?: AbortSignal): Promise<CiteProvenance[]> {
  const out: CiteProvenance[] = [];
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += CITE_BATCH) {
    const chunk = unique.slice(start, start + CITE_BATCH);
    const variables = Object.fromEntries(chunk.map((id, i) => [`i${i}`, id]));
    const data = await client.request<Record<string, CiteProvenance | null>>(citeDocument(chunk.length), variables, { signal });
    chunk.forEach((_, i) => {
      const p = data[`p${i}`];
      if (p) out.push(p);
    });
  }
  return out;
}

/**
 * A source as a reference: its title in its own language, then in the display language
 * when it has one there: "Judul [Title], 14 January 2022. https://…".
 */
export function sourceReference(s: SourceRef & { titles: { all?: LocalizedString[] } }): string {
  // A statement's source comes with its shown title only; a fact's sources with every title.
  const original = s.titles.all?.find((t) => t.lang === s.language) ?? s.titles.best;
  const shown = s.titles.best.lang !== original.lang ? ` [${s.titles.best.text}]` : '';
  const published = s.published ? `, ${formatDate(s.published)}` : '';
  const url = s.url && /^https?:\/\//i.test(s.url) ? `. ${s.url}` : '';
  return `${original.text}${shown}${published}${url}`;
}

/** A quote as a reference: “text” (“gloss”), speaker for whom, date. */
export function quoteReference(q: StatementFull): string {
  const forWhom = q.onBehalfOf && q.onBehalfOf.id !== q.speaker.id ? ` for ${q.onBehalfOf.label}` : '';
  return `“${q.text}” (English: “${q.gloss}”), ${q.speaker.label}${forWhom}, ${formatDate(q.said)}.`;
}

/**
 * The citation text: a heading line (what is cited), then each fact with its quotes,
 * then the sources once each, numbered.
 */
export function citationText(heading: string, facts: readonly CiteProvenance[]): string {
  const sources = new Map<string, SourceRef>();
  const lines: string[] = [heading, ''];
  for (const f of facts) {
    lines.push(`${f.entity.label}`);
    for (const q of f.evidence) {
      lines.push(`  ${quoteReference(q)}`);
      sources.set(q.source.id, q.source);
    }
    for (const s of f.sources) sources.set(s.id, s);
  }
  if (sources.size > 0) {
    lines.push('', say('Sources:'));
    [...sources.values()].forEach((s, i) => lines.push(`[${i + 1}] ${sourceReference(s)}`));
  }
  return lines.join('\n');
}
