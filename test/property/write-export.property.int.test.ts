/**
 * Property (issue 14, section 4): any sequence of writes the API accepts, exported with
 * the `npm run export` code path and reloaded into an emptied database with the seed
 * loader, loads without error and gives the same graph (API origins read as their
 * file's, which is what promotion into a seed file means). Writes go through the write
 * use case with the real driver; refused writes are simply skipped: the property is
 * about what was accepted. Each run uses fresh ids, so runs build on each other.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { exportSeeds, renderYaml } from '../../src/export/export-graph.js';
import { STANCE_KINDS, STATEMENT_MODES } from '../../src/model/vocabulary.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { WriteInputError } from '../../src/write/write-input-error.js';
import { writeEntity, type WriteRequest } from '../../src/write/write-entity.js';
import { graphDigest } from '../hostile/graph-digest.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';

const driver: () => Driver = withTestDriver();
let database: string;
const principal: Principal = { keyId: '0123456789ab', name: 'test property writer', scope: 'write' };
const dirs: string[] = [];
const SOURCE = 'liputan6-2022-01-14-nrc';

/** A write with placeholders: `a0`..`a2` actors, `s0`/`s1` statements, `doc` the run's own source, filled in per run. */
type Command =
  | { t: 'source' }
  | { t: 'actor'; i: number; kind: string; name: string; source: string }
  | { t: 'statement'; i: number; speaker: string; mode: string; source: string }
  | { t: 'stance'; i: number; holder: string; kind: string; towards: string; evidence: string[]; source: string }
  | { t: 'event'; participants: Array<{ actor: string; role?: string }>; source: string }
  | { t: 'demand'; by: string[]; of: string[]; source: string };

const actorRef = fc.constantFrom('russia', 'nato', 'alexander-fomin', 'a0', 'a1', 'a2');
const docRef = fc.constantFrom(SOURCE, 'nato-member-countries', 'interfax-2022-01-fomin', 'doc');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ t: 'source' as const }),
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('actor' as const), i: fc.nat(2), kind: fc.constantFrom('PERSON', 'STATE', 'MEDIA_OUTLET'), name: fc.constantFrom('Ann', 'Émile Zola', 'Лавров', "O'Neil"), source: docRef }),
  },
  fc.record({ t: fc.constant('statement' as const), i: fc.nat(1), speaker: actorRef, mode: fc.constantFrom(...STATEMENT_MODES), source: docRef }),
  fc.record({
    t: fc.constant('stance' as const),
    i: fc.nat(1),
    holder: actorRef,
    kind: fc.constantFrom(...STANCE_KINDS),
    towards: actorRef,
    evidence: fc.uniqueArray(fc.constantFrom('s0', 's1', 'stmt-grushko-expansion'), { minLength: 1, maxLength: 3 }),
    source: docRef,
  }),
  fc.record({ t: fc.constant('event' as const), participants: fc.array(fc.record({ actor: actorRef, role: fc.constantFrom('CHAIR', 'PARTICIPANT', 'HOST') }), { maxLength: 3 }), source: docRef }),
  fc.record({ t: fc.constant('demand' as const), by: fc.uniqueArray(actorRef, { minLength: 1, maxLength: 2 }), of: fc.uniqueArray(actorRef, { minLength: 1, maxLength: 2 }), source: docRef }),
);

/** Every run starts from these, so that the random writes have something of the run's own to refer to and correct. */
const SETUP: Command[] = [
  { t: 'source' },
  { t: 'actor', i: 0, kind: 'PERSON', name: 'Ann', source: SOURCE },
  { t: 'actor', i: 1, kind: 'STATE', name: 'Statia', source: 'doc' },
  { t: 'statement', i: 0, speaker: 'a0', mode: 'DIRECT_QUOTE', source: SOURCE },
  { t: 'statement', i: 1, speaker: 'a1', mode: 'PARAPHRASE', source: 'doc' },
];

/** Turns a command into a write request with the run's ids. */
function request(c: Command, run: number): WriteRequest {
  const id = (x: string): string => (/^(a|s)\d$|^doc$/.test(x) ? `p${run}-${x}` : x);
  const base = { principal };
  switch (c.t) {
    case 'source':
      return { ...base, section: 'sources', input: { id: id('doc'), kind: 'NEWS_REPORT', title: [{ lang: 'en', text: `Report ${run}` }], language: 'en' } };
    case 'actor':
      return { ...base, section: 'actors', source: id(c.source), input: { id: id(`a${c.i}`), kind: c.kind, name: [{ lang: 'en', text: c.name }] } };
    case 'statement':
      return {
        ...base,
        section: 'statements',
        input: { id: id(`s${c.i}`), speaker: id(c.speaker), mode: c.mode, text: 'Kata-kata.', language: 'id', gloss: 'Words.', said: '2022-01-13', source: id(c.source) },
      };
    case 'stance':
      return {
        ...base,
        section: 'stances',
        source: id(c.source),
        input: { id: `p${run}-st${c.i}`, holder: id(c.holder), kind: c.kind, date: '2022-01', towards: id(c.towards), summary: [{ lang: 'en', text: 'A stance.' }], evidence: c.evidence.map(id) },
      };
    case 'event':
      return {
        ...base,
        section: 'events',
        source: id(c.source),
        input: { id: `p${run}-ev`, kind: 'MEETING', name: [{ lang: 'en', text: 'A meeting' }], date: '2022-01-12', participants: c.participants.map((p) => ({ ...p, actor: id(p.actor) })) },
      };
    case 'demand':
      return { ...base, section: 'demands', source: id(c.source), input: { id: `p${run}-dm`, by: c.by.map(id), of: c.of.map(id), summary: [{ lang: 'en', text: 'A demand.' }], since: '2022' } };
  }
}

beforeAll(async () => {
  database = testDatabase();
  await runSeed(driver(), { database, reset: true });
});

afterAll(async () => {
  await runSeed(driver(), { database, reset: true });
  await driver().executeQuery("MATCH (c:Change {keyName: 'test property writer'}) DETACH DELETE c", {}, { database });
  await driver().executeQuery("MATCH (l:WriteLock) WHERE l.id STARTS WITH 'p' AND l.id =~ 'p[0-9]+-.*' DELETE l", {}, { database });
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('accepted writes survive export and reload', () => {
  it('any sequence of accepted writes exports to seed files that load into an empty database as the same graph', async () => {
    let run = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        run++;
        for (const c of [...SETUP, ...commands]) {
          try {
            await writeEntity(driver(), database, request(c, run));
            accepted++;
          } catch (err) {
            if (!(err instanceof WriteInputError)) throw err;
          }
        }
        const before = await graphDigest(driver(), database, true);
        const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-prop-'));
        dirs.push(dir);
        const exportedAt = new Date().toISOString();
        for (const f of await exportSeeds(driver(), database)) await writeFile(path.join(dir, `${f.source}.yaml`), renderYaml(f, exportedAt));
        await runSeed(driver(), { database, reset: true, paths: [dir] });
        expect(await graphDigest(driver(), database)).toEqual(before);
      }),
      { numRuns: 6, endOnFailure: true },
    );
    // Not vacuous: the setup and some of the random writes were accepted.
    expect(accepted).toBeGreaterThan(6 * SETUP.length);
  }, 180_000);
});
