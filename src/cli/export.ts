/**
 * `npm run export -- [--source ID] [--format yaml|json] [--out PATH]`: writes the graph
 * back out as seed files. YAML: one seed file per source; with --source, that file (to
 * PATH or stdout); without, a folder PATH with one <source>.yaml per file (or all of
 * them to stdout, separated by ---). JSON: one document with every file, to PATH or
 * stdout. Exit codes: 0 ok, 1 runtime error, 2 usage or configuration, 3 unknown
 * source, 4 database unreachable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { exportSeeds, ExportSourceError, renderJson, renderYaml } from '../export/export-graph.js';
import { MissingPasswordError } from '../neo4j/connection.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { ExitCode } from './exit-codes.js';

const program = new Command()
  .name('export')
  .description('Export the graph (seed-written and API-written facts) as seed-file YAML or as JSON.')
  .option('--source <id>', 'only the file of this source (default: every file)')
  .addOption(new Option('--format <format>', 'yaml or json').choices(['yaml', 'json']).default('yaml'))
  .option('--out <path>', 'a file (--source, or json), or a folder (all files as yaml); default stdout')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

async function main(): Promise<number> {
  try {
    program.parse();
  } catch (err) {
    return (err as { exitCode?: number }).exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  const opts = program.opts<{ source?: string; format: 'yaml' | 'json'; out?: string }>();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`config error: ${err.message}\n`);
      return ExitCode.USAGE;
    }
    throw err;
  }
  try {
    const driver = createDriver(config);
    const files = await exportSeeds(driver, config.neo4j.database, opts.source);
    const exportedAt = new Date().toISOString();
    if (opts.format === 'json') {
      const text = renderJson(files, exportedAt);
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    } else if (opts.source !== undefined) {
      const text = renderYaml(files[0]!, exportedAt);
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    } else if (opts.out) {
      await mkdir(opts.out, { recursive: true });
      for (const f of files) await writeFile(path.join(opts.out, `${f.source}.yaml`), renderYaml(f, exportedAt));
    } else {
      process.stdout.write(files.map((f) => renderYaml(f, exportedAt)).join('---\n'));
    }
    process.stderr.write(`exported ${files.length} file${files.length === 1 ? '' : 's'} (${files.map((f) => f.source).join(', ')})${opts.out ? ` to ${opts.out}` : ''}\n`);
    return ExitCode.OK;
  } catch (err) {
    if (err instanceof ExportSourceError) {
      process.stderr.write(`export: ${err.message}\n`);
      return ExitCode.INVALID_DATA;
    }
    if (err instanceof MissingPasswordError) {
      process.stderr.write(`export: ${err.message}\n`);
      return ExitCode.USAGE;
    }
    if (neo4jErrorKind(err) === 'unavailable' || neo4jErrorKind(err) === 'auth') {
      process.stderr.write(`export: Neo4j at ${config.neo4j.uri} is unreachable or refused the credentials (${(err as Error).message.split('\n')[0]})\n`);
      return ExitCode.DATABASE_UNREACHABLE;
    }
    process.stderr.write(`export: ${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.RUNTIME_ERROR;
  } finally {
    await closeDriver();
  }
}

process.exitCode = await main();
