import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvalidByte } from '../../src/seed/decode-utf8.js';
import { parseSeedText, readSeedFiles } from '../../src/seed/read-seed-files.js';
import { formatSeedIssue } from '../../src/seed/seed-issue.js';
import { validateSeeds } from '../../src/seed/validate-seeds.js';
import { planGraph } from '../../src/seed/plan-graph.js';

const valid = `# a small, valid seed
source:
  id: test-report
  kind: NEWS_REPORT
  title: { id: Laporan uji }
  language: id
  published: 2022-01-14
actors:
  - id: ruritania
    kind: STATE
    name: { en: Ruritania }
  - id: the-league
    kind: ALLIANCE
    name: { en: The League }
  - id: rudolf
    kind: PERSON
    name: { en: Rudolf }
statements:
  - id: rudolf-says-no
    speaker: rudolf
    onBehalfOf: ruritania
    mode: DIRECT_QUOTE
    text: "Tidak."
    language: id
    gloss: "No."
    said: 2022-01-12
    source: test-report
demands:
  - id: league-stop
    by: [ruritania]
    of: [the-league]
    summary: { en: Stop growing }
    since: 2021-12
stances:
  - id: league-rejects-stop
    holder: the-league
    kind: REJECTS
    date: 2022-01-12
    respondsTo: league-stop
    summary: { en: The League rejects it }
    evidence: [rudolf-says-no]
`;

function check(files: Array<[string, string]>): string[] {
  const parsed = files.map(([name, text]) => parseSeedText(name, text));
  const { issues } = validateSeeds(parsed.map((p) => p.parsed));
  return [...parsed.flatMap((p) => p.issues), ...issues].map(formatSeedIssue);
}

/** Replaces the first occurrence of `from` in the valid seed. */
const broken = (from: string, to: string): string => {
  expect(valid).toContain(from);
  return valid.replace(from, to);
};

describe('validateSeeds', () => {
  it('accepts a valid file and plans its graph', () => {
    expect(check([['a.yaml', valid]])).toEqual([]);
    const parsed = parseSeedText('a.yaml', valid).parsed;
    const plan = planGraph(validateSeeds([parsed]).files);
    expect(plan.nodes.map((n) => n.label).sort()).toEqual(['Actor', 'Actor', 'Actor', 'Demand', 'Source', 'Stance', 'Statement']);
    expect(plan.rels.map((r) => `${r.type} ${r.from}->${r.to}`)).toContain('RESPONDS_TO league-rejects-stop->league-stop');
  });

  it('names a field called __proto__ as unknown, and a missing enum field as missing, without throwing', () => {
    const issues = check([['a.yaml', broken('  kind: NEWS_REPORT\n', '  __proto__: 0\n')]]);
    expect(issues).toContainEqual(expect.stringMatching(/^a\.yaml:\d+:\d+ source\.__proto__: unknown field "__proto__"/));
    expect(issues).toContainEqual(expect.stringMatching(/^a\.yaml:\d+:\d+ source\.kind: required field is missing/));
  });

  it('reports malformed YAML with its line and column', () => {
    expect(check([['a.yaml', broken('  - id: rudolf\n', '  - id: [rudolf\n')]])[0]).toMatch(/^a\.yaml:\d+:\d+: YAML syntax: /);
  });

  it('reports a duplicate id with both places', () => {
    const second = `source:\n  id: other-report\n  kind: NEWS_REPORT\n  title: { id: Lain }\n  language: id\nactors:\n  - id: ruritania\n    kind: STATE\n    name: { en: Ruritania again }\n`;
    expect(check([['a.yaml', valid], ['b.yaml', second]])).toEqual([
      'b.yaml:7:9 actors[0].id: duplicate id "ruritania": already defined as actor at a.yaml:9:9',
    ]);
  });

  it('reports an id listed twice in one field at the second one', () => {
    expect(check([['a.yaml', broken('evidence: [rudolf-says-no]', 'evidence: [rudolf-says-no, rudolf-says-no]')]])).toEqual([
      expect.stringMatching(/^a\.yaml:\d+:\d+ stances\[0\]\.evidence\[1\]: "rudolf-says-no" is listed twice in evidence: each id at most once$/),
    ]);
  });

  it("refuses a stance resting only on an analysis, at its evidence, and accepts one with the holder's words beside it", () => {
    const analysis = broken('mode: DIRECT_QUOTE', 'mode: ANALYSIS');
    expect(check([['a.yaml', analysis]])).toEqual([
      "a.yaml:41:15 stances[0].evidence: every evidence statement is an ANALYSIS: an analysis is never a party's position; add a statement in the holder's or another party's words",
    ]);
    const withWords = analysis
      .replace('demands:\n', '  - { id: rudolf-says-no-again, speaker: rudolf, onBehalfOf: ruritania, mode: DIRECT_QUOTE, text: "Tidak!", language: id, gloss: "No!", said: 2022-01-12, source: test-report }\ndemands:\n')
      .replace('evidence: [rudolf-says-no]', 'evidence: [rudolf-says-no, rudolf-says-no-again]');
    expect(check([['a.yaml', withWords]])).toEqual([]);
  });

  it('refuses a demand that specifies itself', () => {
    expect(check([['a.yaml', broken('    since: 2021-12\n', '    since: 2021-12\n    specifies: league-stop\n')]])).toEqual([
      expect.stringMatching(/^a\.yaml:\d+:\d+ demands\[0\]\.specifies: a demand cannot specify itself/),
    ]);
  });

  it('reports a dangling reference', () => {
    expect(check([['a.yaml', broken('speaker: rudolf', 'speaker: rupert')]])).toEqual([
      'a.yaml:20:14 statements[0].speaker: unknown actor "rupert" (no actor with this id in the seed files)',
    ]);
  });

  it('reports a reference to the wrong kind of entity', () => {
    expect(check([['a.yaml', broken('respondsTo: league-stop', 'respondsTo: rudolf')]])).toEqual([
      'a.yaml:39:17 stances[0].respondsTo: "rudolf" is an actor, expected a demand or instrument',
    ]);
  });

  it('reports an unknown enum value with the allowed ones', () => {
    const [issue] = check([['a.yaml', broken('kind: REJECTS', 'kind: SHRUGS')]]);
    expect(issue).toMatch(/^a\.yaml:37:11 stances\[0\]\.kind: "SHRUGS" is not one of REJECTS, SUPPORTS, OPEN_TO/);
  });

  it('reports an impossible date', () => {
    expect(check([['a.yaml', broken('said: 2022-01-12', 'said: 2022-02-30')]])).toEqual([
      'a.yaml:26:11 statements[0].said: not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)',
    ]);
  });

  it('reports a statement without a source', () => {
    expect(check([['a.yaml', broken('    source: test-report\n', '')]])).toEqual([
      'a.yaml:19:5 statements[0].source: required field is missing',
    ]);
  });

  it('reports a stance without evidence', () => {
    expect(check([['a.yaml', broken('    evidence: [rudolf-says-no]\n', '    evidence: []\n')]])).toEqual([
      'a.yaml:41:15 stances[0].evidence: a stance needs at least one evidence statement',
    ]);
  });

  it('reports a value of the wrong type', () => {
    expect(check([['a.yaml', broken('by: [ruritania]', 'by: ruritania')]])).toEqual([
      'a.yaml:30:9 demands[0].by: Invalid input: expected array, received string',
    ]);
  });

  it('reports an unknown field at the key', () => {
    expect(check([['a.yaml', broken('    gloss: "No."\n', '    gloss: "No."\n    glos: "typo"\n')]])).toEqual([
      'a.yaml:26:5 statements[0].glos: unknown field "glos"',
    ]);
  });

  it('reports every problem at once', () => {
    const text = broken('speaker: rudolf', 'speaker: rupert').replace('kind: REJECTS', 'kind: SHRUGS');
    expect(check([['a.yaml', text]])).toHaveLength(2);
  });

  it('rejects an office held by something other than a person', () => {
    const text = `${valid}offices:\n  - id: office-x\n    holder: ruritania\n    title: { en: King }\n    organization: ruritania\n    asOf: 2022\n`;
    expect(check([['a.yaml', text]])).toEqual([
      'a.yaml:44:13 offices[0].holder: "ruritania" is a STATE, but an office is held by a PERSON',
    ]);
  });
});

describe('text nobody can see', () => {
  it.each([
    ['a name of zero-width characters', 'name: { en: Ruritania }', 'name: { en: "\u200B\u200C\u200D" }', 'actors[0].name.en', 11],
    ['a name of word joiners and a byte order mark', 'name: { en: Ruritania }', 'name: { en: "\u2060\uFEFF \u2060" }', 'actors[0].name.en', 11],
    ['a name of control characters', 'name: { en: Ruritania }', 'name: { ru: "\u0001\u0007\t" }', 'actors[0].name.ru', 11],
    ['an alias of zero-width characters', 'name: { en: Ruritania }', 'name: { en: Ruritania }\n    aliases: [Ruri, "\u200B"]', 'actors[0].aliases[1]', 12],
    ['a title of a Hangul filler', 'title: { id: Laporan uji }', 'title: { id: "\u3164" }', 'source.title.id', 5],
  ])('refuses %s, at file:line:col', (_what, from, to, field, line) => {
    const issues = check([['a.yaml', broken(from, to)]]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^a\\.yaml:${line}:\\d+ ${field.replace(/[[\].]/g, '\\$&')}: must not be empty: it has only whitespace, zero-width or control characters$`));
  });

  it('keeps names with zero-width joiners inside visible text (emoji, Indic scripts)', () => {
    expect(check([['a.yaml', broken('name: { en: Ruritania }', 'name: { en: "Ru\u200Dritania \u0915\u094D\u200D\u0937" }')]])).toEqual([]);
  });
});

describe('localized text', () => {
  it('accepts several languages by BCP 47 tag and plans one property per language, plus the text in the fallback order', () => {
    const text = broken('name: { en: Ruritania }', 'name: { ru: Руритания, pt-BR: Ruritânia, en: Ruritania }');
    expect(check([['a.yaml', text]])).toEqual([]);
    const plan = planGraph(validateSeeds([parseSeedText('a.yaml', text).parsed]).files);
    const props = plan.nodes.find((n) => n.id === 'ruritania')!.props;
    expect(props).toMatchObject({ 'name.en': 'Ruritania', 'name.ru': 'Руритания', 'name.pt-BR': 'Ruritânia', name: 'Ruritania' });
    // A source's title falls back to its own language when it has no English one.
    expect(plan.nodes.find((n) => n.id === 'test-report')!.props).toMatchObject({ 'title.id': 'Laporan uji', title: 'Laporan uji' });
  });

  it('refuses a key that is not a language tag, at its line and column, saying what would do', () => {
    expect(check([['a.yaml', broken('name: { en: Ruritania }', 'name: { english: Ruritania }')]])).toEqual([
      'a.yaml:11:22 actors[0].name.english: "english" is not a language tag: use a BCP 47 language tag such as "en", "id", "ru" or "pt-BR"',
    ]);
    expect(check([['a.yaml', broken('name: { en: Ruritania }', 'name: { EN: Ruritania }')]])).toEqual([
      'a.yaml:11:17 actors[0].name.EN: "EN" is not a language tag: write "en"',
    ]);
  });

  it('refuses an empty text and a text in no language', () => {
    expect(check([['a.yaml', broken('name: { en: Ruritania }', 'name: { en: "" }')]])[0]).toBe('a.yaml:11:17 actors[0].name.en: must not be empty');
    expect(check([['a.yaml', broken('name: { en: Ruritania }', 'name: {}')]])).toEqual([
      'a.yaml:11:11 actors[0].name: give the text in at least one language, e.g. { en: "Russia" }',
    ]);
  });

  it('refuses the old format (a plain string, a nameId) with a message naming the converter', () => {
    const issues = check([['a.yaml', broken('name: { en: Ruritania }', 'name: Ruritania\n    nameId: Ruritania')]]);
    expect(issues).toEqual([
      expect.stringMatching(/^a\.yaml:11:11 actors\[0\]\.name: a plain string is no longer accepted here: .*npm run seed:convert -- FILE\.\.\.`$/),
      expect.stringMatching(/^a\.yaml:12:5 actors\[0\]\.nameId: "nameId" is no longer a field: its text is the "id" text of name, .*npm run seed:convert -- FILE\.\.\.`$/),
    ]);
  });
});

describe('files that are not UTF-8', () => {
  it('are refused with the file, the line, the column and the byte offset of the first bad byte', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-utf8-'));
    try {
      const good = Buffer.from(valid, 'utf8');
      const at = good.indexOf('Laporan uji') + 'Laporan'.length;
      // Latin-1 "é" (0xE9) inside the title: the kind of file an old editor saves.
      const latin1 = Buffer.concat([good.subarray(0, at), Buffer.from([0xe9]), good.subarray(at)]);
      const file = path.join(dir, 'latin1.yaml');
      fs.writeFileSync(file, latin1);
      const { issues, parsed } = await readSeedFiles([file]);
      expect(parsed).toEqual([]);
      expect(issues.map(formatSeedIssue)).toEqual([`${file}:5:23: not valid UTF-8: byte 0xE9 at byte offset ${at}; save the file as UTF-8`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the first bad byte of every kind of broken sequence', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(firstInvalidByte(Buffer.from('ok ✓ 🙂', 'utf8'))).toBe(Buffer.byteLength('ok ✓ 🙂'));
    expect(firstInvalidByte(bytes(0x61, 0xff))).toBe(1); // never valid
    expect(firstInvalidByte(bytes(0x61, 0x80))).toBe(1); // a lone continuation byte
    expect(firstInvalidByte(bytes(0x61, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidByte(bytes(0x61, 0xe2, 0x9c))).toBe(1); // truncated at the end
    expect(firstInvalidByte(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1); // a UTF-16 surrogate
    expect(firstInvalidByte(bytes(0x61, 0xf4, 0x90, 0x80, 0x80))).toBe(1); // above U+10FFFF
    expect(firstInvalidByte(bytes(0x61, 0xe2, 0x9c, 0x93, 0x62, 0xc3))).toBe(5);
  });
});
