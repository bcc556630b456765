/**
 * `npm run generate [-- --check]`: writes the files derived from schema.graphql and the
 * dashboard's operations: the possibleTypes map for clients' caches
 * (src/graphql/__generated__/possible-types.json) and the dashboard's operation types
 * (web/src/api/__generated__/graphql.ts), and from the model the search indexes
 * (cypher/schema/004-search-languages.cypher) and the dashboard's kinds
 * (web/src/api/__generated__/model.ts) with the fragment of the kinds shown from the
 * model (web/src/api/__generated__/model-facts.ts). All are committed (decision 0027). With
 * --check nothing is written and the exit code is 3 when a file is stale.
 * Exit codes: 0 up to date (or written), 1 runtime error, 2 usage, 3 stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dashboardModel, dashboardModelFile } from '../codegen/dashboard-model.js';
import { dashboardTypes, dashboardTypesFile } from '../codegen/dashboard-types.js';
import { modelFactsFile, modelFactsModule } from '../codegen/model-facts.js';
import { searchIndexCypher, searchIndexFile } from '../codegen/search-index-file.js';
import { projectRoot } from '../config.js';
import { possibleTypesFile, possibleTypesJson } from '../graphql/possible-types.js';
import { loadTypeDefs, schemaFile } from '../graphql/type-defs.js';
import { cliProgram, parseArgs } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('generate', 'Write the files generated from schema.graphql and the dashboard operations.').option(
  '--check',
  'write nothing; exit 3 when a generated file is stale',
);

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const { check } = program.opts<{ check?: boolean }>();
  // In this order: the operations (imported when their types are made) spread the fragment written before them.
  const files: [string, () => Promise<string> | string][] = [
    [possibleTypesFile, () => possibleTypesJson(loadTypeDefs())],
    [searchIndexFile, searchIndexCypher],
    [dashboardModelFile, dashboardModel],
    [modelFactsFile, modelFactsModule],
    [
      dashboardTypesFile,
      async () => dashboardTypes(fs.readFileSync(schemaFile, 'utf8'), (await import('../../web/src/operations/all.js')).dashboardOperations),
    ],
  ];
  let stale = 0;
  for (const [file, make] of files) {
    const text = await make();
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const name = path.relative(projectRoot, file);
    if (current === text) {
      process.stdout.write(`${name}: up to date\n`);
    } else if (check) {
      stale += 1;
      process.stdout.write(`${name}: stale (run npm run generate)\n`);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      process.stdout.write(`${name}: written\n`);
    }
  }
  return stale > 0 ? ExitCode.INVALID_DATA : ExitCode.OK;
}

process.exitCode = await main();
