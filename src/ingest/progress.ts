/**
 * A progress line for long loads: done/total, rate and ETA. On a terminal it
 * redraws one line; elsewhere (CI logs) it prints a line every few seconds.
 */

/** Reports progress of a count towards a total. */
export interface Progress {
  update(done: number): void;
  finish(done: number): void;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Formats seconds as 1h02m, 3m05s or 12.3s. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
  return `${seconds.toFixed(1)}s`;
}

/** The progress line for done of total after elapsed seconds. */
export function progressLine(what: string, done: number, total: number, elapsedSeconds: number, width = 24): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${fmt(done)}/${fmt(total)} ${what} ${fmt(rate)}/s ETA ${formatDuration(eta)}`;
}

/** A progress reporter writing to a stream (stderr by default). */
export function createProgress(what: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let lastPrint = 0;
  const draw = (done: number, final: boolean): void => {
    const now = performance.now();
    if (!final && now - lastPrint < (tty ? 200 : 5_000)) return;
    lastPrint = now;
    const line = progressLine(what, done, total, (now - started) / 1000);
    stream.write(tty ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };
  return { update: (done) => draw(done, false), finish: (done) => draw(done, true) };
}
