/**
 * Reads seed files from disk and parses them as YAML, keeping the position of
 * every node so that later checks can point at `file:line:col`.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { decodeUtf8 } from './decode-utf8.js';
import type { SeedIssue } from './seed-issue.js';

/** One parsed YAML seed file with what is needed to locate its fields. */
export interface ParsedSeedFile {
  /** Path as given or found, relative to the working directory where possible. */
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (undefined when the YAML could not be parsed). */
  data: unknown;
}

/** Expands files and folders into the list of .yaml/.yml files they hold, sorted. */
export async function findSeedFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info === undefined) throw new Error(`${p}: no such file or folder`);
    if (info.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      for (const e of entries) {
        if (e.isFile() && /\.ya?ml$/i.test(e.name)) found.push(path.join(e.parentPath, e.name));
      }
    } else {
      found.push(p);
    }
  }
  return [...new Set(found.map((f) => path.relative(process.cwd(), path.resolve(f)) || f))].sort();
}

/** Parses one YAML text; syntax errors become issues with their line and column. */
export function parseSeedText(file: string, text: string): { parsed: ParsedSeedFile; issues: SeedIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const issues: SeedIssue[] = document.errors.map((err) => {
    const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
    return { file, line: pos.line, col: pos.col, path: '', message: `YAML syntax: ${err.message.split('\n')[0]}` };
  });
  let data: unknown;
  if (issues.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // toJS throws for an alias without its anchor (or too many aliases): report it where it is.
      let at: { line: number; col: number } = { line: 1, col: 1 };
      visit(document, {
        Alias(_, node) {
          if (node.resolve(document) !== undefined || !node.range) return undefined;
          at = lineCounter.linePos(node.range[0]);
          return visit.BREAK;
        },
      });
      issues.push({ file, line: at.line, col: at.col, path: '', message: `YAML: ${(err as Error).message.split('\n')[0]}` });
    }
  }
  return { parsed: { file, document, lineCounter, data }, issues };
}

/** Reads and parses the given files. */
export async function readSeedFiles(files: string[]): Promise<{ parsed: ParsedSeedFile[]; issues: SeedIssue[] }> {
  const parsed: ParsedSeedFile[] = [];
  const issues: SeedIssue[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      issues.push({ file, line: 0, col: 0, path: '', message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if ('fault' in decoded) {
      const { offset, line, col, byte } = decoded.fault;
      issues.push({ file, line, col, path: '', message: `not valid UTF-8: byte ${byte} at byte offset ${offset}; save the file as UTF-8` });
      continue;
    }
    const r = parseSeedText(file, decoded.text);
    parsed.push(r.parsed);
    issues.push(...r.issues);
  }
  return { parsed, issues };
}

/**
 * The line and column of the value at `fieldPath` in a parsed file; for a
 * missing field, the nearest enclosing node that exists. With `key` set, the
 * position of that key inside the map at `fieldPath` (for unknown keys).
 */
export function locate(
  seed: ParsedSeedFile,
  fieldPath: ReadonlyArray<PropertyKey>,
  key?: string,
): { line: number; col: number } {
  const keys = fieldPath.map((p) => (typeof p === 'symbol' ? String(p) : p));
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? seed.document.contents : seed.document.getIn(keys.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      if (key !== undefined && n === keys.length && isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
        if (pair && isScalar(pair.key) && pair.key.range) return seed.lineCounter.linePos(pair.key.range[0]);
      }
      return seed.lineCounter.linePos(node.range[0]);
    }
  }
  return { line: 1, col: 1 };
}
