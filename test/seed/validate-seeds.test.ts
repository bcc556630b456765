import { describe, expect, it } from 'vitest';
import { parseSeedText } from '../../src/seed/read-seed-files.js';
import { formatSeedIssue } from '../../src/seed/seed-issue.js';
import { validateSeeds } from '../../src/seed/validate-seeds.js';
import { planGraph } from '../../src/seed/plan-graph.js';

const valid = `# a small, valid seed
source:
  id: test-report
  kind: NEWS_REPORT
  title: Laporan uji
  language: id
  published: 2022-01-14
actors:
  - id: ruritania
    kind: STATE
    name: Ruritania
  - id: the-league
    kind: ALLIANCE
    name: The League
  - id: rudolf
    kind: PERSON
    name: Rudolf
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
    summary: Stop growing
    since: 2021-12
stances:
  - id: league-rejects-stop
    holder: the-league
    kind: REJECTS
    date: 2022-01-12
    respondsTo: league-stop
    summary: The League rejects it
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

  it('reports malformed YAML with its line and column', () => {
    expect(check([['a.yaml', broken('  - id: rudolf\n', '  - id: [rudolf\n')]])[0]).toMatch(/^a\.yaml:\d+:\d+: YAML syntax: /);
  });

  it('reports a duplicate id with both places', () => {
    const second = `source:\n  id: other-report\n  kind: NEWS_REPORT\n  title: Lain\n  language: id\nactors:\n  - id: ruritania\n    kind: STATE\n    name: Ruritania again\n`;
    expect(check([['a.yaml', valid], ['b.yaml', second]])).toEqual([
      'b.yaml:7:9 actors[0].id: duplicate id "ruritania": already defined as actor at a.yaml:9:9',
    ]);
  });

  it('reports an id listed twice in one field at the second one', () => {
    expect(check([['a.yaml', broken('evidence: [rudolf-says-no]', 'evidence: [rudolf-says-no, rudolf-says-no]')]])).toEqual([
      expect.stringMatching(/^a\.yaml:\d+:\d+ stances\[0\]\.evidence\[1\]: "rudolf-says-no" is listed twice in evidence: each id at most once$/),
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
    const text = `${valid}offices:\n  - id: office-x\n    holder: ruritania\n    title: King\n    organization: ruritania\n    asOf: 2022\n`;
    expect(check([['a.yaml', text]])).toEqual([
      'a.yaml:44:13 offices[0].holder: "ruritania" is a STATE, but an office is held by a PERSON',
    ]);
  });
});
