/**
 * `npx tsx bench/list-reads-from-filters.ts [timeline|statements|stances] [runs]` (decision 0062):
 * PROFILEs the old scans (cypher/bench/*-scan.cypher) and the reads from their filters on the
 * local Neo4j (NEO4J_BOLT_PORT, the password in .neo4j/password) for a sample of filters, and
 * prints a Markdown row per case: db hits and ms p50 (of `runs`, default 5) of each, the total,
 * and whether both gave the same total and first item. HUB, OTHER and ISSUE name the ids
 * (synth-org-0, synth-state-100, synth-issue-0 by default); the dates are the year 2020.
 */
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { endOfPeriod, startOfPeriod } from '../src/graph/dates.js';
import { listStart, startParams } from '../src/graph/lists.js';
import { cypher } from '../src/neo4j/cypher.js';

const driver = neo4j.driver(`bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`, neo4j.auth.basic('neo4j', readFileSync('.neo4j/password', 'utf8').trim()));

interface Plan { dbHits?: number; children?: Plan[] }
const hits = (p: Plan): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((a, c) => a + hits(c), 0);

async function profile(text: string, params: Record<string, unknown>, runs: number) {
  const session = driver.session({ database: process.env.NEO4J_DATABASE ?? 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const profiled = await session.executeRead((tx) => tx.run(`PROFILE ${text}`, params));
    const ms: number[] = [];
    let row: Record<string, unknown> | undefined;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const res = await session.executeRead((tx) => tx.run(text, params));
      ms.push(performance.now() - t);
      row = res.records[0]?.toObject();
    }
    ms.sort((a, b) => a - b);
    const items = (row?.items ?? []) as Array<{ props: { id: string } }>;
    return { hits: hits(profiled.summary.profile as Plan), ms: Math.round(ms[Math.floor(ms.length / 2)]!), total: Number(row?.total), first: items[0]?.props.id };
  } finally {
    await session.close();
  }
}

const only = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const page = { after: null, desc: false, limit: neo4j.int(50) };
const hub = process.env.HUB ?? 'synth-org-0';
const other = process.env.OTHER ?? 'synth-state-100';
const issue = process.env.ISSUE ?? 'synth-issue-0';
const year = { from: startOfPeriod('2020'), to: endOfPeriod('2020') };
const T = (name: string, f: object) => ({ list: 'timeline', name, p: { kinds: ['EVENT', 'STATEMENT', 'STANCE'], actorIds: null, issueIds: null, from: null, to: null, ...f } });
const S = (name: string, f: object) => ({ list: 'statements', name, p: { speakerIds: null, speakerRole: 'ANY', modes: null, issueIds: null, sourceIds: null, languages: null, mentions: null, from: null, to: null, ...f } });
const ST = (name: string, f: object) => ({ list: 'stances', name, p: { holderIds: null, kinds: null, issueIds: null, sourceIds: null, languages: null, towards: null, from: null, to: null, ...f } });
const cases = [
  T('none', {}), T('none, desc', { desc: true }), T('hub actor', { actorIds: [hub] }), T('ordinary actor', { actorIds: [other] }),
  T('issue', { issueIds: [issue] }), T('dates 2020', year), T('from 2020 only', { from: year.from }),
  S('none', {}), S('hub speaker', { speakerIds: [hub] }), S('ordinary speaker', { speakerIds: [other] }), S('issue', { issueIds: [issue] }), S('dates 2020', year),
  ST('none', {}), ST('hub holder', { holderIds: [hub] }), ST('ordinary holder', { holderIds: [other] }), ST('issue', { issueIds: [issue] }), ST('dates 2020', year),
];
const startKey: Record<string, string> = { timeline: 'startActorIds', statements: 'startSpeakerIds', stances: 'startHolderIds' };
console.log('| list | filter | old db hits | old ms p50 | new db hits | new ms p50 | total | same total and first item |');
console.log('|---|---|---|---|---|---|---|---|');
for (const c of cases) {
  if (only && c.list !== only) continue;
  const p: Record<string, unknown> = { ...page, ...c.p };
  const ids = (p['actorIds'] ?? p['speakerIds'] ?? p['holderIds'] ?? null) as string[] | null;
  const f = { actorIds: ids, issueIds: p['issueIds'] as string[] | null, from: p['from'], to: p['to'] };
  const start = listStart(f);
  const { startActorIds, ...rest } = startParams(start, f);
  const old = await profile(cypher(`bench/${c.list}-scan`), p, runs);
  const now = await profile(cypher(start === 'all' ? `read/${c.list}-all` : `read/${c.list}`), { ...p, ...rest, [startKey[c.list]!]: startActorIds }, runs);
  const same = old.total === now.total && old.first === now.first ? 'yes' : `NO (${now.total}, ${now.first} against ${old.first})`;
  console.log(`| ${c.list} | ${c.name} | ${old.hits.toLocaleString('en')} | ${old.ms} | ${now.hits.toLocaleString('en')} | ${now.ms} | ${old.total.toLocaleString('en')} | ${same} |`);
}
await driver.close();
