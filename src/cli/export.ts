/**
 * `npm run export -- [--source ID] [--format yaml|json] [--out PATH]`: writes the graph
 * back out as seed files. YAML: one seed file per source; with --source, that file (to
 * PATH or stdout); without, a folder PATH with one <source>.yaml per file (or all of
 * them to stdout, separated by ---). JSON: one document with every file, to PATH or
 * stdout. Every file as YAML is read a page of files per read transaction (memory holds
 * one page; progress on stderr), so export a graph no one is writing to: a write between
 * two pages shows in the later one only. Missing folders of PATH are created. Exit codes: 0 ok, 1 runtime error,
 * 2 usage or configuration (also a PATH that cannot be created), 3 unknown source,
 * 4 database unreachable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option } from 'commander';
import { exportSeeds, exportSeedsInPages, ExportSourceError, renderJson, renderYaml } from '../export/export-graph.js';
import { CliError, cliProgram, describeFsError, parseArgs, runMain, withDriver } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('export', 'Export the graph (seed-written and API-written facts) as seed-file YAML or as JSON.')
  .option('--source <id>', 'only the file of this source (default: every file)')
  .addOption(new Option('--format <format>', 'yaml or json').choices(['yaml', 'json']).default('yaml'))
  .option('--out <path>', 'a file (--source, or json), or a folder (all files as yaml); default stdout');

/**
 * Makes sure `out` can be written before anything is read from Neo4j: the folder (for all
 * files as YAML) or the file's folder is created with its parents, else the export stops
 * with one line saying why (a file in the way, no permission, a read-only disk).
 */
async function prepareOut(out: string, kind: 'folder' | 'file'): Promise<void> {
  const folder = kind === 'folder' ? out : path.dirname(out);
  try {
    await mkdir(folder, { recursive: true });
  } catch (err) {
    throw new CliError(`--out ${out}: ${describeFsError(err) ?? (err as Error).message}`, ExitCode.USAGE);
  }
}

/** Writes one output file, a failure as one line naming it. */
async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new CliError(describeFsError(err) ?? `cannot write ${file}: ${(err as Error).message}`);
  }
}

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const opts = program.opts<{ source?: string; format: 'yaml' | 'json'; out?: string }>();
  const toFolder = opts.format === 'yaml' && opts.source === undefined;
  if (opts.out) await prepareOut(opts.out, toFolder ? 'folder' : 'file');
  return withDriver(
    'export',
    async (driver, config) => {
      const exportedAt = new Date().toISOString();
      if (toFolder) {
        // Every file as YAML: read and written a page of files at a time, so memory holds one page, not the graph.
        const started = Date.now();
        const names: string[] = [];
        const pages = exportSeedsInPages(driver, config.neo4j.database, {
          onPage: (done, total) => process.stderr.write(`export: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files read (${Math.round((Date.now() - started) / 1000)} s)\n`),
        });
        let first = true;
        for await (const f of pages) {
          if (opts.out) await writeOut(path.join(opts.out, `${f.source}.yaml`), renderYaml(f, exportedAt));
          else process.stdout.write(`${first ? '' : '---\n'}${renderYaml(f, exportedAt)}`);
          first = false;
          names.push(f.source);
        }
        const listed = names.length <= 20 ? names.join(', ') : `${names.slice(0, 20).join(', ')} and ${(names.length - 20).toLocaleString('en-US')} more`;
        process.stderr.write(`exported ${names.length} file${names.length === 1 ? '' : 's'} (${listed})${opts.out ? ` to ${opts.out}` : ''}\n`);
        return ExitCode.OK;
      }
      const files = await exportSeeds(driver, config.neo4j.database, opts.source);
      if (opts.format === 'json') {
        const text = renderJson(files, exportedAt);
        if (opts.out) await writeOut(opts.out, text);
        else process.stdout.write(text);
      } else {
        const text = renderYaml(files[0]!, exportedAt);
        if (opts.out) await writeOut(opts.out, text);
        else process.stdout.write(text);
      }
      process.stderr.write(`exported ${files.length} file${files.length === 1 ? '' : 's'} (${files.map((f) => f.source).join(', ')})${opts.out ? ` to ${opts.out}` : ''}\n`);
      return ExitCode.OK;
    },
    { failure: (err) => (err instanceof ExportSourceError ? { exitCode: ExitCode.INVALID_DATA, line: `export: ${err.message}` } : undefined) },
  );
}

await runMain('export', main);
