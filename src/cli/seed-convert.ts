/**
 * `npm run seed:convert -- FILE...`: rewrites seed files of the old format in place
 * into localized text (src/seed/convert-seed.ts), keeping comments and order.
 * Exit codes: 0 converted (or nothing to convert), 1 runtime error, 2 usage, 3 a file
 * could not be converted whole (it is left as it was).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { convertSeedText } from '../seed/convert-seed.js';
import { findSeedFiles } from '../seed/read-seed-files.js';
import { cliProgram, parseArgs } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('seed:convert', 'Rewrite seed files of the old format (nameId, plain-string names) into localized text, in place.').argument(
  '<paths...>',
  'seed files or folders',
);

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  let failed = 0;
  for (const file of await findSeedFiles(program.args)) {
    const result = convertSeedText(await readFile(file, 'utf8'));
    if (result.problems.length > 0) {
      failed += 1;
      for (const p of result.problems) process.stderr.write(`${file}:${p}\n`);
      process.stderr.write(`${file}: not converted\n`);
      continue;
    }
    if (result.changed > 0) await writeFile(file, result.text);
    process.stdout.write(`${file}: ${result.changed === 0 ? 'nothing to convert' : `${result.changed} field${result.changed === 1 ? '' : 's'} converted`}\n`);
  }
  return failed > 0 ? ExitCode.INVALID_DATA : ExitCode.OK;
}

process.exitCode = await main();
