/**
 * Dates as a reader writes them, at the precision the source gives: "12 January 2022",
 * "January 2022", "2022"; approximate dates say "about". All date text goes through
 * `formatDate`, so a display language can change it in one place.
 */
import { say } from './vocabulary.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as the API gives it: an ISO string at its precision, or a PartialDate selection. */
export type DateLike = string | { iso: string; approximate?: boolean | null } | null | undefined;

/** "2022-01-12" -> "12 January 2022", "2022-01" -> "January 2022", "2022" -> "2022". */
export function formatDate(date: DateLike): string {
  if (!date) return '';
  const iso = typeof date === 'string' ? date : date.iso;
  const approximate = typeof date === 'object' && Boolean(date.approximate);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  const text = d && month ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : String(y);
  return say(approximate ? `about ${text}` : text);
}

/** A period: "6 May 1955 – 2 April 2024", or "since 6 May 1955" when it is open. */
export function formatPeriod(from: DateLike, until: DateLike): string {
  return until ? `${formatDate(from)} – ${formatDate(until)}` : say(`since ${formatDate(from)}`);
}

/** First and last day (YYYY-MM-DD) of a date at its precision. */
export function dateSpan(iso: string): { start: string; end: string } {
  const [y, m, d] = iso.split('-');
  if (d) return { start: iso, end: iso };
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
