/**
 * Dependencies point down: a module may import its own layer or a lower one, never a
 * higher one. The layers, bottom up: the model; infrastructure (configuration, the
 * driver, the local Neo4j); the domain peers (graph, seed, write, export, ingest,
 * check...); the GraphQL API; the entry points (server, CLI, tools). A violation names
 * the file, its import and both layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** The layers, lowest first; each entry is a top-level folder or file of src/ (without .ts). */
const LAYERS: ReadonlyArray<{ name: string; members: readonly string[] }> = [
  { name: 'model', members: ['model'] },
  { name: 'infrastructure', members: ['config', 'logger', 'neo4j', 'local-neo4j'] },
  { name: 'domain', members: ['graph', 'derived', 'seed', 'write', 'export', 'ingest', 'check', 'synth', 'auth', 'throttle'] },
  { name: 'api', members: ['graphql'] },
  // http/ holds the server's routes and middleware: part of assembling the server, like server.ts.
  { name: 'entry points', members: ['server', 'main', 'cli', 'reliability', 'bench', 'docker', 'readiness-probe', 'codegen', 'http'] },
];

/** Files that sit in another layer than their folder, and why. */
const FILE_LAYERS: Readonly<Record<string, string>> = {
  // The one enum of error codes (house style): auth and the API both answer clients with it.
  'graphql/errors.ts': 'domain',
  // The ingest commands' CLI glue (exit codes, driver per command); only src/cli imports it.
  'ingest/ingest-cli-support.ts': 'entry points',
};

const rank = (name: string): number => LAYERS.findIndex((l) => l.name === name);

/** The layer of a file, by path relative to src/. */
function layerOf(rel: string): string {
  if (FILE_LAYERS[rel]) return FILE_LAYERS[rel];
  const top = rel.split('/')[0]!.replace(/\.ts$/, '');
  const layer = LAYERS.find((l) => l.members.includes(top));
  if (!layer) throw new Error(`src/${rel}: its folder "${top}" is in no layer of test/model/layers.test.ts: add it to LAYERS`);
  return layer.name;
}

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(full);
    else if (e.name.endsWith('.ts')) yield full;
  }
}

/** Relative imports of a file (static imports, re-exports and dynamic imports), with their line. */
function importsOf(source: string): Array<{ spec: string; line: number }> {
  const out: Array<{ spec: string; line: number }> = [];
  const re = /(?:^|[^\w.])(?:import|export)\s*(?:[\w*{}\s,]*?\s+from\s*)?\(?\s*'(\.{1,2}\/[^']+)'/gm;
  for (const m of source.matchAll(re)) out.push({ spec: m[1]!, line: source.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0) });
  return out;
}

/** Every import from a lower layer into a higher one. */
function violations(): string[] {
  const out: string[] = [];
  for (const file of tsFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    const from = layerOf(rel);
    for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep).join('/').replace(/\.js$/, '.ts');
      if (target.startsWith('..')) continue;
      const to = layerOf(target);
      if (rank(to) > rank(from)) out.push(`src/${rel}:${line} imports '${spec}': ${from} (src/${rel}) must not import ${to} (src/${target})`);
    }
  }
  return out;
}

describe('dependencies point down', () => {
  it('no module imports a higher layer', () => {
    expect(violations()).toEqual([]);
  });

  it('the model imports nothing from the rest of src/, and src/graph nothing from src/seed', () => {
    const bad: string[] = [];
    for (const file of tsFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
        const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
        if (rel.startsWith('model/') && !target.startsWith('model/')) bad.push(`src/${rel}:${line} imports '${spec}': src/model imports nothing from the rest of src/`);
        if (rel.startsWith('graph/') && target.startsWith('seed/')) bad.push(`src/${rel}:${line} imports '${spec}': src/graph must not import src/seed`);
      }
    }
    expect(bad).toEqual([]);
  });
});
