/**
 * Every command-line entry point, run as a child process the way npm runs it, with bad
 * input, an unreachable Neo4j and paths it cannot write: each ends with a clear line and
 * its exit code, never a stack trace. Needs no database (NEO4J_URI points where no Neo4j
 * listens).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '../server/harness.js';
import { runCli } from '../faults/cli.js';

let tmp: string;
let aFile: string;
let nowhere: Record<string, string>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-cli-stack-'));
  aFile = path.join(tmp, 'a-file');
  fs.writeFileSync(aFile, 'not a folder\n');
  fs.mkdirSync(path.join(tmp, 'latin1'));
  fs.writeFileSync(path.join(tmp, 'latin1', 'a.yaml'), Buffer.concat([Buffer.from('source:\n  id: x\n  title: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  nowhere = { NEO4J_URI: `bolt://127.0.0.1:${await unusedPort()}`, NEO4J_PASSWORD: 'unused-password', NEO4J_AUTH: 'basic' };
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** One run: the command, and what it must end with. */
interface Case {
  what: string;
  script: string;
  args: () => string[];
  env?: () => Record<string, string>;
  code: number;
  /** The last line of stderr (or stdout for commands that report there). */
  says: RegExp;
}

const cases: Case[] = [
  { what: 'seed, Neo4j unreachable', script: 'seed', args: () => [], env: () => nowhere, code: 4, says: /^seed: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ is unreachable/ },
  { what: 'seed, no such path', script: 'seed', args: () => [path.join(tmp, 'no-such')], env: () => nowhere, code: 1, says: /^seed: .*no-such: no such file or folder$/ },
  { what: 'seed, a file that is not UTF-8', script: 'seed', args: () => [path.join(tmp, 'latin1')], env: () => nowhere, code: 3, says: /^Nothing was written\.$/ },
  { what: 'seed, a bad setting', script: 'seed', args: () => [], env: () => ({ NEO4J_BOLT_PORT: 'seven' }), code: 2, says: /^config error: NEO4J_BOLT_PORT: / },
  { what: 'ingest, Neo4j unreachable', script: 'ingest', args: () => [path.join(tmp, 'latin1')], env: () => nowhere, code: 4, says: /^ingest: Neo4j at .* is unreachable/ },
  { what: 'ingest, no such path', script: 'ingest', args: () => [path.join(tmp, 'no-such')], code: 2, says: /^ingest: .*no-such: no such file or folder$/ },
  { what: 'export, a file in the way of --out', script: 'export', args: () => ['--out', path.join(aFile, 'sub')], env: () => nowhere, code: 2, says: /^export: --out .*a-file\/sub: cannot create the folder .*: a part of the path is a file, not a folder \(ENOTDIR\)$/ },
  { what: 'export, Neo4j unreachable', script: 'export', args: () => ['--out', path.join(tmp, 'exported', 'deeper')], env: () => nowhere, code: 4, says: /^export: Neo4j at .* is unreachable/ },
  { what: 'export, a bad format', script: 'export', args: () => ['--format', 'xml'], code: 2, says: /--format/ },
  { what: 'keys list, Neo4j unreachable', script: 'keys', args: () => ['list'], env: () => nowhere, code: 4, says: /^keys: Neo4j at .* is unreachable/ },
  { what: 'keys create, a bad name', script: 'keys', args: () => ['create', '--name', 'bad!name', '--scope', 'read'], code: 2, says: /--name/ },
  { what: 'synth, a file in the way of --out', script: 'synth', args: () => ['--actors', '30', '--statements', '10', '--out', path.join(aFile, 'sub')], code: 1, says: /^synth: cannot create the folder .*a-file\/sub: a part of the path is a file, not a folder \(ENOTDIR\)$/ },
  { what: 'synth --ingest, Neo4j unreachable', script: 'synth', args: () => ['--actors', '30', '--statements', '10', '--ingest'], env: () => nowhere, code: 4, says: /^synth: Neo4j at .* is unreachable/ },
  { what: 'load, no server at the URL', script: 'load', args: () => ['--clients', '1', '--seconds', '1', '--url', nowhere['NEO4J_URI']!.replace('bolt:', 'http:')], code: 1, says: /^load: / },
  { what: 'load, a bad number', script: 'load', args: () => ['--clients', 'many'], code: 2, says: /--clients/ },
  { what: 'faults, NEO4J_URI set', script: 'faults', args: () => ['api'], env: () => nowhere, code: 2, says: /^faults: NEO4J_URI: / },
  { what: 'bench, Neo4j unreachable', script: 'bench', args: () => ['--quick', '--yes', '--out', path.join(tmp, 'bench.json')], env: () => nowhere, code: 4, says: /^bench: Neo4j at .* is unreachable/ },
  { what: 'db status, Neo4j unreachable', script: 'db', args: () => ['status'], env: () => nowhere, code: 4, says: /unreachable|does not answer|answers:\s+no/ },
  { what: 'up, Neo4j unreachable', script: 'up', args: () => [], env: () => ({ ...nowhere, PORT: '1' }), code: 4, says: /^up: / },
];

describe('command-line entry points', () => {
  it('end every failure with a clear line and an exit code, never a stack trace', { timeout: 600_000 }, async () => {
    const results: { c: Case; code: number | null; stdout: string; stderr: string }[] = [];
    // Four at a time: each is a Node process with the TypeScript loader.
    for (let i = 0; i < cases.length; i += 4) {
      const batch = cases.slice(i, i + 4);
      results.push(...(await Promise.all(batch.map(async (c) => ({ c, ...(await runCli(`src/cli/${c.script}.ts`, c.args(), { LOG_LEVEL: 'info', ...c.env?.() })) })))));
    }
    const problems: string[] = [];
    for (const { c, code, stdout, stderr } of results) {
      const lines = stderr.split('\n').filter((l) => l.trim() !== '');
      const last = lines.at(-1) ?? stdout.trim().split('\n').at(-1) ?? '';
      if (/^\s+at /m.test(stderr) || /^\s+at /m.test(stdout)) problems.push(`${c.what}: a stack trace:\n${stderr}`);
      if (code !== c.code) problems.push(`${c.what}: exit ${code}, expected ${c.code}:\n${stderr}`);
      if (!c.says.test(last) && !lines.some((l) => c.says.test(l))) problems.push(`${c.what}: expected a line matching ${c.says}, got:\n${stderr || stdout}`);
    }
    expect(problems).toEqual([]);
  });
});
