/**
 * Claims and provenance per fact (issue 16, docs/decisions/0036 §2-3 and §6, 0043, 0044),
 * over HTTP against the seeded graph: a group the Indonesian report does not itself
 * assert names the page (or reference knowledge) that does, conflicting sources stand
 * side by side as alternatives, a planned event is PLANNED per the report that announced
 * it, a single-source group shows exactly that source; and a claim of a group the fact
 * has not, or a group marked outside without a claim, is refused at file:line:col.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSeedsDir, prepareSeeds } from '../../src/seed/run-seed.js';
import { formatSeedIssue } from '../../src/seed/seed-issue.js';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const api = withSeededServer();
const REPORT = 'liputan6-2022-01-14-nrc';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's shape is the query's
type Any = any;

async function query(text: string, variables: Record<string, unknown> = {}): Promise<Any> {
  const res = await postGraphql(api().url, { query: text, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data;
}

const PROVENANCE = `
  query ($id: ID!) {
    provenance(id: $id) {
      groups {
        group item working disputed
        assertions { source { id language } value role qualifier status implicit claim { id } }
        alternatives { value role qualifier sources { id } languages }
      }
      relationships { type group role other { id } sources { id } }
    }
  }
`;

async function groups(id: string): Promise<Any[]> {
  return (await query(PROVENANCE, { id })).provenance.groups;
}

const sourcesOf = (g: Any): string[] => g.assertions.map((a: Any) => a.source.id);

describe('a fact the Indonesian report does not itself assert', () => {
  it('has the Russia-US talks in Geneva from the State Department and TASS, not from the report', async () => {
    const place = (await groups('russia-us-talks-geneva-2022-01-10')).find((g) => g.group === 'place');
    expect(place.working).toBe('geneva');
    expect(sourcesOf(place)).toEqual(expect.arrayContaining(['stl-news-2022-01-11-state-department-ssd', 'tass-2022-01-12-heart-to-heart']));
    expect(sourcesOf(place)).not.toContain(REPORT);
    expect(place.assertions.every((a: Any) => a.implicit === false && a.value === 'geneva')).toBe(true);
  });

  it('names the relationship’s asserting sources too: the venue, and Stoltenberg as chair from NATO’s transcript', async () => {
    const { relationships } = (await query(PROVENANCE, { id: 'russia-us-talks-geneva-2022-01-10' })).provenance;
    const venue = relationships.find((r: Any) => r.type === 'TOOK_PLACE_IN');
    expect(venue).toMatchObject({ group: 'place', other: { id: 'geneva' } });
    expect(venue.sources.map((s: Any) => s.id).sort()).toEqual(['stl-news-2022-01-11-state-department-ssd', 'tass-2022-01-12-heart-to-heart']);

    const meeting = (await query(PROVENANCE, { id: 'nrc-meeting-2022-01-12' })).provenance;
    const chair = meeting.relationships.find((r: Any) => r.type === 'PARTICIPATED_IN' && r.other.id === 'jens-stoltenberg');
    expect(chair).toMatchObject({ group: 'participants', role: 'CHAIR', sources: [{ id: 'ieu-monitoring-2022-01-12-nato-press-conference' }] });
    // The thirty allies at the table are the report's own ("semua 30 sekutu NATO").
    const france = meeting.relationships.find((r: Any) => r.type === 'PARTICIPATED_IN' && r.other.id === 'france');
    expect(france.sources).toEqual([{ id: REPORT }]);
  });

  it('has the proposals’ publication day from TASS, and the talks week’s start from reference knowledge', async () => {
    const published = (await groups('russia-security-proposals-2021-12')).find((g) => g.group === 'published');
    expect(published).toMatchObject({ working: '2021-12-17', disputed: false });
    expect(sourcesOf(published)).toEqual(['tass-2021-12-26-draft-agreements']);

    const week = (await groups('russia-west-talks-week-2022-01')).find((g) => g.group === 'when');
    expect(sourcesOf(week)).toEqual(['reference-knowledge-nrc-2022-01-12']);
    const source = await query('{ entity(id: "reference-knowledge-nrc-2022-01-12") { ... on Source { kind note } } }');
    expect(source.entity.kind).toBe('REFERENCE_KNOWLEDGE');
    expect(source.entity.note).toMatch(/outside|background|Derivations/);
  });
});

describe('where sources conflict', () => {
  it('keeps the meeting’s duration as alternatives, each naming its sources and languages', async () => {
    const duration = (await groups('nrc-meeting-2022-01-12')).find((g) => g.group === 'duration');
    expect(duration.working).toBe('240');
    expect(duration.disputed).toBe(true);
    expect(duration.alternatives.length).toBeGreaterThanOrEqual(2);
    const alt = (value: string, qualifier: string) => duration.alternatives.find((a: Any) => a.value === value && a.qualifier === qualifier);
    // Four hours: the report (Indonesian) and TASS (English).
    expect(alt('240', 'EXACT').sources.map((s: Any) => s.id).sort()).toEqual([REPORT, 'tass-2022-01-12-heart-to-heart']);
    expect(alt('240', 'EXACT').languages).toEqual(['en', 'id']);
    // More than four: RIA Novosti as reprinted; almost five: AFP in German.
    expect(alt('240', 'MORE_THAN')).toMatchObject({ sources: [{ id: 'pledge-times-2022-01-13-ria-grushko' }], languages: ['en'] });
    expect(alt('300', 'LESS_THAN')).toMatchObject({ sources: [{ id: 'junge-welt-2022-01-afp-nrc' }], languages: ['de'] });
  });

  it('lists the disputed groups on the fact itself, with the working value beside every alternative', async () => {
    const data = await query(`{ entity(id: "nrc-meeting-2022-01-12") { ... on Event { durationMinutes disputes { group working alternatives { value qualifier sources { id } } } } } }`);
    const dispute = data.entity.disputes.find((d: Any) => d.group === 'duration');
    expect(data.entity.durationMinutes).toBe(240);
    expect(dispute.working).toBe('240');
    expect(dispute.alternatives.map((a: Any) => `${a.qualifier} ${a.value}`).sort()).toEqual(['EXACT 240', 'LESS_THAN 300', 'MORE_THAN 240']);
  });
});

describe('a planned event', () => {
  it('is PLANNED per the Indonesian report and held per TASS, both kept', async () => {
    const all = await groups('russia-osce-talks-2022-01-13');
    const status = all.find((g) => g.group === 'status');
    expect(status.disputed).toBe(true);
    const planned = status.alternatives.find((a: Any) => a.value === 'PLANNED');
    expect(planned.sources).toEqual([{ id: REPORT }]);
    expect(status.alternatives.find((a: Any) => a.value === 'ESTABLISHED').sources).toEqual([{ id: 'tass-2022-01-13-lukashevich-osce' }]);
    // The day: the same date, announced by the report, reported as held by TASS.
    const when = all.find((g) => g.group === 'when');
    expect(when.disputed).toBe(false);
    expect(when.assertions.map((a: Any) => [a.source.id, a.status])).toEqual(
      expect.arrayContaining([[REPORT, 'PLANNED'], ['tass-2022-01-13-lukashevich-osce', 'ESTABLISHED']]),
    );
  });
});

describe('a fact found in only one source', () => {
  it('shows exactly that one source', async () => {
    const place = (await groups('nrc-meeting-2022-01-12')).find((g) => g.group === 'place');
    expect(place).toMatchObject({ working: 'brussels', disputed: false });
    expect(place.assertions).toEqual([
      { source: { id: REPORT, language: 'id' }, value: 'brussels', role: null, qualifier: null, status: 'ESTABLISHED', implicit: true, claim: null },
    ]);
  });

  it('has its claims listed on the fact, by group', async () => {
    const data = await query(`{ entity(id: "nrc-meeting-2022-01-12") { ... on Event { claims(group: "duration") { id group value qualifier source { id } of { id } } } } }`);
    expect(data.entity.claims.map((c: Any) => c.source.id).sort()).toEqual(['junge-welt-2022-01-afp-nrc', 'pledge-times-2022-01-13-ria-grushko', 'tass-2022-01-12-heart-to-heart']);
    for (const c of data.entity.claims) expect(c).toMatchObject({ group: 'duration', of: { id: 'nrc-meeting-2022-01-12' } });
  });
});

describe('a claim in a seed file', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  async function refusal(lines: string[]): Promise<string[]> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'claims-'));
    dirs.push(dir);
    const file = path.join(dir, 'page.yaml');
    await writeFile(file, [...lines, ''].join('\n'));
    const error = await prepareSeeds([defaultSeedsDir, file]).then(
      () => undefined,
      (e: { issues?: Parameters<typeof formatSeedIssue>[0][] }) => e,
    );
    return (error?.issues ?? []).map(formatSeedIssue);
  }

  it('with a group the fact has not, a value of the wrong type or an unknown id is refused at file:line:col', async () => {
    const lines = await refusal([
      'source: { id: page-x, kind: NEWS_REPORT, title: { en: A page }, language: en }',
      'claims:',
      '  - { of: nrc-meeting-2022-01-12, group: venue, value: brussels }',
      '  - { of: nrc-meeting-2022-01-12, group: duration, value: four hours }',
      '  - { of: nrc-meeting-2022-01-12, group: place, value: atlantis }',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(/page\.yaml:3:42 claims\[0\]\.group: unknown group "venue" for an event: use one of when, duration, place, participants, status$/),
      expect.stringMatching(/page\.yaml:4:59 claims\[1\]\.value: expected a positive whole number \(group "duration" gives the event's durationMinutes\)$/),
      expect.stringMatching(/page\.yaml:5:56 claims\[2\]\.value: unknown place "atlantis" \(no place with this id in the seed files\)$/),
    ]);
  });

  it('marking a group outside without another source’s claim is refused where it is marked', async () => {
    const lines = await refusal([
      'source: { id: page-y, kind: NEWS_REPORT, title: { en: A page }, language: en }',
      'events:',
      '  - { id: event-y, kind: MEETING, name: { en: A meeting }, date: 2022-01-12, place: brussels }',
      'outside:',
      '  - { of: event-y, group: place }',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(/page\.yaml:5:27 outside\[0\]\.group: "place" of "event-y" is marked outside this file's source, but no claim of another source backs it/),
    ]);
  });

  it('of reference knowledge without a note is refused', async () => {
    const lines = await refusal(['source: { id: page-z, kind: REFERENCE_KNOWLEDGE, title: { en: What we know }, language: en }']);
    expect(lines).toEqual([expect.stringMatching(/page\.yaml:1:9 source\.note: reference knowledge needs a note/)]);
  });
});
