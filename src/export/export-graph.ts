/**
 * The export use case: read the graph of one source's file (or of all files) in one
 * read transaction and render it as seed-file YAML, which the seed loader loads back
 * into the same graph, or as JSON for programs.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { stringify } from 'yaml';
import { cypher } from '../neo4j/cypher.js';
import { fileOfOrigin } from '../write/writable-sections.js';
import { graphToSeeds, type ExportedFile, type ExportNode, type ExportRel } from './graph-to-seeds.js';

/** Thrown when the requested source is not the main source of a file. */
export class ExportSourceError extends Error {
  override name = 'ExportSourceError';
}

/** Reads the seed files of the graph: all of them, or the one whose main source is `source`. */
export async function exportSeeds(driver: Driver, database: string, source?: string): Promise<ExportedFile[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      if (source !== undefined) {
        const found = await tx.run(cypher('write/export-find-source'), { id: source });
        const origin = found.records[0]?.get('origin') as string | undefined;
        if (origin === undefined) throw new ExportSourceError(`no source with id "${source}"`);
        if (fileOfOrigin(origin) !== source) {
          throw new ExportSourceError(`"${source}" is listed in the file of source "${fileOfOrigin(origin)}": export that one`);
        }
      }
      const files = source === undefined ? null : [source];
      const nodes = (await tx.run(cypher('write/export-nodes'), { files })).records.map((r) => r.toObject() as ExportNode);
      const rels = (await tx.run(cypher('write/export-relationships'), { files })).records.map((r) => r.toObject() as ExportRel);
      return graphToSeeds(nodes, rels);
    });
  } finally {
    await session.close();
  }
}

/** Files per page of the paged export: a page's nodes and relationships are held in memory at once. */
export const EXPORT_FILES_PER_PAGE = 50;

/**
 * Every seed file of the graph, a page of files at a time, each page in a read
 * transaction of its own: memory holds one page, not the graph (10^6 statements are
 * about 10 million records). Pages are not one snapshot: a write that lands between two
 * pages shows in the later one only, so export a graph no one is writing to.
 */
export async function* exportSeedsInPages(
  driver: Driver,
  database: string,
  opts: { filesPerPage?: number; onPage?: (files: number, total: number) => void } = {},
): AsyncGenerator<ExportedFile> {
  const perPage = opts.filesPerPage ?? EXPORT_FILES_PER_PAGE;
  const origins = await driver.executeQuery(cypher('write/export-origins'), {}, { database, routing: 'READ' });
  const files = [...new Set(origins.records.map((r) => fileOfOrigin(r.get('origin') as string)))].sort((a, b) => a.localeCompare(b));
  for (let i = 0; i < files.length; i += perPage) {
    const page = files.slice(i, i + perPage);
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    let exported: ExportedFile[];
    try {
      exported = await session.executeRead(async (tx) => {
        const origins = [...page, ...page.map((f) => `api:${f}`)];
        const nodes = (await tx.run(cypher('write/export-nodes-of-files'), { origins })).records.map((r) => r.toObject() as ExportNode);
        const rels = (await tx.run(cypher('write/export-relationships-of-files'), { origins })).records.map((r) => r.toObject() as ExportRel);
        return graphToSeeds(nodes, rels);
      });
    } finally {
      await session.close();
    }
    opts.onPage?.(Math.min(i + perPage, files.length), files.length);
    yield* exported;
  }
}

/** One exported file as seed YAML, with a header saying where it came from. */
export function renderYaml(file: ExportedFile, exportedAt: string): string {
  const header = `# Exported from diplograph (npm run export) at ${exportedAt}: the graph of source ${file.source},\n# seed-written and API-written facts alike. Load it with npm run seed.\n`;
  return header + stringify(file.seed, { lineWidth: 0, indentSeq: true });
}

/** Every exported file as one JSON document for programs. */
export function renderJson(files: ExportedFile[], exportedAt: string): string {
  return `${JSON.stringify({ format: 'diplograph-seed-export', version: 1, exportedAt, files }, null, 2)}\n`;
}
