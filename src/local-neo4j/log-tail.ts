import fs from 'node:fs';
import type { HomeLayout } from './home-layout.js';

/** The last lines of the server's console log (or neo4j.log when that is empty), to show why it failed. */
export function tailLogs(layout: HomeLayout, count = 40): string[] {
  for (const file of [layout.consoleLog, layout.neo4jLog]) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 0) return [`--- last ${Math.min(count, lines.length)} lines of ${file} ---`, ...lines.slice(-count)];
  }
  return [`(no log output in ${layout.logs})`];
}
