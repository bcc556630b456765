/**
 * Properties of the seed validator (src/seed/validate-seeds.ts): every generated valid
 * document validates; every single injected fault is reported once, at the right path
 * and line; and no input, however mangled, makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSeedText } from '../../src/seed/read-seed-files.js';
import { formatSeedIssue, type SeedIssue } from '../../src/seed/seed-issue.js';
import { validateSeeds } from '../../src/seed/validate-seeds.js';
import { emitYaml, faultyDoc, validSeedDoc } from './seed-documents.js';

/** Parses and validates one YAML text; syntax and validation issues together. */
function check(text: string, file = 'generated.yaml'): SeedIssue[] {
  const { parsed, issues } = parseSeedText(file, text);
  return [...issues, ...validateSeeds([parsed]).issues];
}

describe('seed validator', () => {
  it('accepts every generated valid document, whatever its text contains', () => {
    fc.assert(
      fc.property(validSeedDoc, (doc) => {
        const { text } = emitYaml(doc);
        const issues = check(text);
        expect(issues.map(formatSeedIssue)).toEqual([]);
        // And the text is kept verbatim: what was written is what was parsed.
        const { parsed } = parseSeedText('generated.yaml', text);
        const statements = (parsed.data as { statements: { text: string }[] }).statements;
        expect(statements.map((s) => s.text)).toEqual(doc.sections.find((s) => s.name === 'statements')!.items.map((s) => s.text));
      }),
      { numRuns: 300 },
    );
  });

  it('reports each injected fault exactly once, with its path and line', () => {
    fc.assert(
      fc.property(
        validSeedDoc.chain((doc) => faultyDoc(doc)),
        (fault) => {
          const { text, lines } = emitYaml(fault.doc);
          const issues = check(text);
          expect(issues, `${fault.kind}:\n${issues.map(formatSeedIssue).join('\n')}\n---\n${text}`).toHaveLength(1);
          const [issue] = issues as [SeedIssue];
          expect(issue.path).toBe(fault.path);
          expect(issue.message).toMatch(fault.message);
          expect(issue.file).toBe('generated.yaml');
          expect(issue.line).toBe(lines.get(fault.linePath));
          expect(issue.col).toBeGreaterThan(0);
          expect(formatSeedIssue(issue)).toMatch(new RegExp(`^generated\\.yaml:${issue.line}:${issue.col} `));
        },
      ),
      { numRuns: 500 },
    );
  });

  /** Sets the value at a path inside plain data (creating nothing: a missing path is left alone). */
  function setAt(data: unknown, path: (string | number)[], value: unknown): void {
    let cur = data as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) {
      const next = cur?.[p];
      if (next === null || typeof next !== 'object') return;
      cur = next as Record<string | number, unknown>;
    }
    cur[path[path.length - 1]!] = value;
  }

  /** Every path of a value: [section], [section, i], [section, i, field], ... */
  function pathsOf(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (data === null || typeof data !== 'object') return [];
    const entries = Array.isArray(data) ? data.map((v, i) => [i, v] as const) : Object.entries(data);
    return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }

  it('never throws on mangled documents: any field replaced by any JSON value, or removed', () => {
    fc.assert(
      fc.property(
        validSeedDoc.chain((doc) => {
          const data = parseSeedText('x.yaml', emitYaml(doc).text).parsed.data;
          const paths = pathsOf(data);
          return fc.record({
            data: fc.constant(data),
            edits: fc.array(fc.tuple(fc.constantFrom(...paths), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })), { minLength: 1, maxLength: 4 }),
          });
        }),
        ({ data, edits }) => {
          const mangled = structuredClone(data);
          for (const [path, value] of edits) setAt(mangled, path, value);
          const text = stringify(mangled);
          let issues: SeedIssue[] = [];
          expect(() => (issues = check(text))).not.toThrow();
          for (const issue of issues) {
            expect(issue.line).toBeGreaterThan(0);
            expect(typeof issue.message).toBe('string');
            expect(formatSeedIssue(issue)).toMatch(/^generated\.yaml:\d+:\d+/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(() => check(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  // Found by the properties above (crashes, now fixed).
  const base = 'source:\n  id: r\n  kind: NEWS_REPORT\n  title: { id: T }\n  language: id\nactors:\n  - id: a\n    kind: STATE\n    name: { en: A }\n  - id: b\n    kind: ALLIANCE\n    name: { en: B }\n';

  it('accepts unquoted years in a membership, and still checks their order', () => {
    const text = `${base}memberships:\n  - id: m\n    member: a\n    organization: b\n    from: 2020\n    until: 2021\n`;
    expect(check(text)).toEqual([]);
    const reversed = check(text.replace('until: 2021', 'until: 2019'));
    expect(reversed.map((i) => i.message).join('\n')).toMatch(/until \(2019\) is before from \(2020\)/);
  });

  it('reports an alias without its anchor at its line instead of throwing', () => {
    const issues = check(`${base}  - id: c\n    kind: STATE\n    name: *nowhere\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 15, col: 11 }); // the `*nowhere` of `name`
    expect(issues[0]!.message).toMatch(/alias/i);
  });

  it('reports a null participant instead of crashing', () => {
    const text = `${base}events:\n  - id: e\n    kind: MEETING\n    name: { en: E }\n    date: 2020\n    participants: [null]\n`;
    const issues = check(text);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path).join(' ')).toMatch(/participants\[0\]/);
  });
});
