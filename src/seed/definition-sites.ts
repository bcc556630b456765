/**
 * Where each id of parsed seed files is defined, for messages that point at a
 * definition (the seed loader's ownership refusals name both places).
 */
import { locate, type ParsedSeedFile } from './read-seed-files.js';
import type { SeedSite } from './plan-graph.js';
import { formatPath } from './seed-issue.js';
import { entitiesOf } from './validate-seeds.js';

/** Where each id is defined: `file:line:col` of its `id` field, and the path, for messages about ids. */
export function definitionSites(parsedFiles: ParsedSeedFile[]): Map<string, SeedSite> {
  const out = new Map<string, SeedSite>();
  for (const parsed of parsedFiles) {
    if (parsed.data === undefined) continue;
    for (const { path, record } of entitiesOf(parsed.data)) {
      const idPath = [...path, 'id'];
      const id = (record as { id: string }).id;
      if (out.has(id)) continue;
      const pos = locate(parsed, idPath);
      out.set(id, { file: parsed.file, line: pos.line, col: pos.col, path: formatPath(idPath) });
    }
  }
  return out;
}
