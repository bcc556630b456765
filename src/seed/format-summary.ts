/** Renders a load summary as the table the seed command prints. */
import type { ChangeCounts, LoadSummary } from './load-graph.js';

/** A table of created/updated/unchanged/deleted per label and relationship type. */
export function formatSummary(summary: LoadSummary, files: string[], elapsedMs: number): string {
  const lines: string[] = [];
  const verb = summary.dryRun ? 'would load' : 'loaded';
  lines.push(`${verb} ${files.length} file${files.length === 1 ? '' : 's'}${summary.reset ? ' after emptying the graph' : ''}: ${files.join(', ')}`);
  const row = (name: string, c: ChangeCounts): string =>
    `  ${name.padEnd(18)} ${String(c.created).padStart(8)} ${String(c.updated).padStart(8)} ${String(c.unchanged).padStart(10)} ${String(c.deleted).padStart(8)}`;
  const header = `  ${''.padEnd(18)} ${'created'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(10)} ${'deleted'.padStart(8)}`;
  lines.push('nodes', header);
  for (const [k, c] of Object.entries(summary.nodes).sort()) lines.push(row(k, c));
  lines.push(row('total', summary.totals.nodes), 'relationships', header);
  for (const [k, c] of Object.entries(summary.relationships).sort()) lines.push(row(k, c));
  lines.push(row('total', summary.totals.relationships));
  const n = summary.totals.nodes;
  const r = summary.totals.relationships;
  const changed = n.created + n.updated + n.deleted + r.created + r.updated + r.deleted;
  lines.push(changed === 0 ? 'no changes: the graph already equals the files' : `${changed} change${changed === 1 ? '' : 's'}${summary.dryRun ? ' (dry run: nothing written)' : ''}`);
  lines.push(`in ${(elapsedMs / 1000).toFixed(1)} s`);
  return lines.join('\n') + '\n';
}
