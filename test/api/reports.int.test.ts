/**
 * One fact, many reports (issue 16, docs/decisions/0036 §1 and §6), over HTTP against
 * the seeded graph: a fact's reports keep each page's words in the page's language,
 * corroboration counts sources, languages and independent origins, and a report that
 * names no fact is refused where it is written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSeeds } from '../../src/seed/run-seed.js';
import { formatSeedIssue } from '../../src/seed/seed-issue.js';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const api = withSeededServer();

async function query(text: string, variables: Record<string, unknown> = {}) {
  const res = await postGraphql(api().url, { query: text, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the answer's shape is the query's
}

const REPORTED = `
  fragment Reported on Entity {
    id
    ... on Demand { reports { ...R } corroboration { ...C } }
    ... on Statement { text language source { id } reports { ...R } corroboration { ...C } }
    ... on Stance { reports { ...R } corroboration { ...C } }
    ... on Event { reports { ...R } corroboration { ...C } }
    ... on Figure { reports { ...R } corroboration { ...C } }
  }
  fragment R on Report { id text language mode gloss(lang: "en") source { id language url } via { id } speaker { id } of { id } }
  fragment C on Corroboration { count languages origins sources { id language } }
`;

async function reported(id: string) {
  const data = await query(`${REPORTED} query ($id: ID!) { entity(id: $id) { ...Reported } }`, { id });
  return data.entity;
}

describe('the demand to stop admitting new members', () => {
  it('is corroborated by at least three sources in at least three languages', async () => {
    const demand = await reported('demand-nato-stop-enlargement');
    expect(demand.corroboration.count).toBeGreaterThanOrEqual(3);
    expect(demand.corroboration.languages).toEqual(expect.arrayContaining(['en', 'id', 'ru']));
    expect(demand.corroboration.sources.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['ieu-monitoring-2022-01-12-nato-press-conference', 'govorit-moskva-2022-01-05-nrc-announced', 'discwelder-2022-01-12-cnn-translated']),
    );
  });

  it('keeps each report in its page’s language and words', async () => {
    const demand = await reported('demand-nato-stop-enlargement');
    const byId = new Map<string, any>(demand.reports.map((r: { id: string }) => [r.id, r])); // eslint-disable-line @typescript-eslint/no-explicit-any -- the answer's shape
    for (const r of demand.reports) {
      expect(r.of.id).toBe('demand-nato-stop-enlargement');
      // A report is in the language of the page that carries it.
      expect(r.language).toBe(r.source.language);
    }
    expect(byId.get('rep-nato-pc-stop-admitting')).toMatchObject({
      text: 'These include demands to stop admitting any new members to NATO.', language: 'en', mode: 'DIRECT_QUOTE', speaker: { id: 'jens-stoltenberg' },
    });
    const ru = byId.get('rep-govorit-moskva-no-expansion');
    expect(ru).toMatchObject({ language: 'ru', mode: 'PARAPHRASE', speaker: null });
    expect(ru.text).toMatch(/^Москва, в частности, требует .*расширения альянса на Восток/);
    expect(ru.gloss).toMatch(/^In particular, Moscow demands/);
    const id = byId.get('rep-discwelder-binding-pledge');
    expect(id).toMatchObject({ language: 'id', text: 'janji mengikat bahwa NATO tidak akan memperluas lebih jauh ke timur', via: [{ id: 'cnn-2022-01-12-nrc' }] });
  });
});

describe('a statement reported by several pages', () => {
  it('has every page’s report besides its own text, and counts a relayed copy once among the origins', async () => {
    const stmt = await reported('stmt-stoltenberg-differences');
    // Its own rendering: the first report, in Indonesian, through DW Indonesia.
    expect(stmt).toMatchObject({ text: 'Perbedaan kita tidak akan mudah untuk dijembatani.', language: 'id', source: { id: 'liputan6-2022-01-14-nrc' } });
    const texts = Object.fromEntries(stmt.reports.map((r: { source: { id: string }; text: string }) => [r.source.id, r.text]));
    expect(texts).toEqual({
      'ieu-monitoring-2022-01-12-nato-press-conference': 'Our differences will not be easy to bridge.',
      'serambinews-2022-01-13-nrc': 'Perbedaan kami tidak akan mudah untuk dijembatani,',
      'tribungorontalo-2022-01-13-nrc': 'Perbedaan kita tidak akan mudah untuk dijembatani,',
    });
    // Liputan6 and TribunGorontalo both carry DW Indonesia's text: four sources, three origins
    // (DW Indonesia, The New York Times, NATO's transcript).
    expect(stmt.corroboration).toMatchObject({ count: 4, languages: ['en', 'id'], origins: 3 });
  });

  it('has both pages’ reports of the same Russian words', async () => {
    const stmt = await reported('stmt-grushko-no-positive-agenda');
    expect(stmt.language).toBe('ru');
    expect(stmt.reports.map((r: { source: { id: string } }) => r.source.id).sort()).toEqual(['pledge-times-2022-01-13-ria-grushko', 'rt-2022-01-12-grushko-agenda']);
    // Argumenty Nedeli and RT print the same Russian sentence; Pledge Times prints RIA Novosti's English.
    expect(stmt.corroboration).toMatchObject({ count: 3, languages: ['en', 'ru'], origins: 3 });
  });

  it('counts a fact without reports by its own source only', async () => {
    const stmt = await reported('stmt-grushko-peaceful-solution');
    expect(stmt.reports).toEqual([]);
    expect(stmt.corroboration).toMatchObject({ count: 1, languages: ['id'], origins: 1, sources: [{ id: 'liputan6-2022-01-14-nrc' }] });
  });
});

describe('reports of stances, events and figures', () => {
  it('are found from the fact and lead back to it', async () => {
    const [stance, event, figure] = await Promise.all(['stance-nato-rejects-stop-enlargement', 'nrc-meeting-2022-01-12', 'figure-allies-at-nrc-2022-01-12'].map(reported));
    expect(stance.reports.map((r: { id: string }) => r.id).sort()).toEqual(['rep-nato-pc-open-door', 'rep-tribungorontalo-allies-reject']);
    expect(stance.corroboration).toMatchObject({ count: 2, languages: ['en', 'id'], origins: 2 });
    expect(event.reports).toEqual([expect.objectContaining({ text: 'I have just chaired a meeting of the NATO-Russia Council.', speaker: { id: 'jens-stoltenberg' } })]);
    expect(figure.reports[0]).toMatchObject({ source: { id: 'nato-2022-01-12-brest-doorstep', url: 'https://www.nato.int/cps/en/natohq/opinions_190668.htm' } });
    const { node } = await query(`query { node(id: "rep-nato-brest-30-allies") { ... on Report { entityKind origin of { id entityKind } } } }`);
    expect(node).toEqual({ entityKind: 'REPORT', origin: 'nato-2022-01-12-brest-doorstep', of: { id: 'figure-allies-at-nrc-2022-01-12', entityKind: 'FIGURE' } });
  });
});

describe('a report in a seed file', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('naming a fact that does not exist, or in a malformed language, is refused at file:line:col', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reports-'));
    dirs.push(dir);
    const file = path.join(dir, 'page.yaml');
    await writeFile(
      file,
      [
        'source: { id: page-x, kind: NEWS_REPORT, title: { en: A page }, language: en }',
        'reports:',
        '  - id: rep-page-x',
        '    of: demand-nobody-made',
        '    source: page-x',
        '    mode: DIRECT_QUOTE',
        '    text: Nobody said this.',
        '    language: en_GB',
        '',
      ].join('\n'),
    );
    const error = await prepareSeeds([file]).then(
      () => undefined,
      (e: { issues?: Parameters<typeof formatSeedIssue>[0][] }) => e,
    );
    const lines = (error?.issues ?? []).map(formatSeedIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        // The file is named relative to the working directory.
        expect.stringMatching(/page\.yaml:4:9 reports\[0\]\.of: unknown statement or demand or event or stance or figure "demand-nobody-made"/),
        expect.stringMatching(/page\.yaml:8:15 reports\[0\]\.language: "en_GB" is not a language tag: write "en-GB"/),
      ]),
    );
  });
});
