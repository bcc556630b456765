/**
 * The synthetic corpus: seed files shaped like real coverage, generated one
 * file at a time so that any size streams in constant memory. File 0 is the
 * reference data (actors, places, issues, memberships, offices); every other
 * file is one news report with its statements, demands, stances and event.
 * Each file depends only on the options and its own number, so the same
 * options always give the same files. Every file is already what the seed schema makes
 * of it (no default left to fill, nothing to trim): the bulk load plans these files
 * without validating them again (test/synth/generate-corpus.test.ts checks it).
 */
import type { z } from 'zod';
import { QUOTABLE_KINDS, STANCE_KINDS } from '../model/vocabulary.js';
import type { seedFileSchema } from '../seed/seed-schema.js';
import {
  actorId,
  actorKind,
  corpusLayout,
  demandId,
  homeState,
  issueId,
  placeId,
  REFERENCE_ID,
  reportId,
  wireId,
  type CorpusLayout,
  type CorpusOptions,
} from './corpus-layout.js';
import { Random } from './random.js';

/** A seed file as written to YAML (before the schema fills defaults). */
export type SeedFileInput = z.input<typeof seedFileSchema>;

/** One generated file: a name for it on disk and its content. */
export interface SynthFile {
  /** File name without folder, e.g. `000001-synth-report-1.yaml`. */
  name: string;
  seed: SeedFileInput;
  /** Statements in this file. */
  statements: number;
}

const FIRST_YEAR = 1995;
const YEARS = 30;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const WORDS_ID = ['menolak', 'mendukung', 'tuntutan', 'keamanan', 'perbatasan', 'dialog', 'sanksi', 'perjanjian', 'pasukan', 'kedaulatan', 'perundingan', 'ancaman', 'kerja sama', 'aliansi'];
const WORDS_EN = ['rejects', 'supports', 'demand', 'security', 'border', 'dialogue', 'sanctions', 'treaty', 'troops', 'sovereignty', 'negotiations', 'threat', 'cooperation', 'alliance'];

function words(rng: Random, list: readonly string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(list));
  return out.join(' ');
}

/** A day in the given year. */
function day(rng: Random, year: number): string {
  const month = 1 + rng.int(12);
  return `${year}-${pad(month)}-${pad(1 + rng.int(28))}`;
}

/** The reference file: actors, places, issues, memberships and offices. */
export function referenceFile(opts: CorpusOptions): SynthFile {
  const l = corpusLayout(opts);
  const rng = Random.for(opts.seed, 0);
  const actors: NonNullable<SeedFileInput['actors']> = [];
  for (let i = 0; i < l.actors; i++) {
    const kind = actorKind(l, i);
    const id = actorId(l, i);
    const name = `${kind.charAt(0)}${kind.slice(1).toLowerCase().replace(/_/g, ' ')} ${i}`;
    actors.push({
      id,
      kind,
      name: { en: name, ...(i % 3 === 0 ? { id: `${name} (id)` } : {}) },
      ...(i < l.statesEnd ? { aliases: [`A${i}`, `Alias ${i}`] } : {}),
      ...(kind === 'STATE' ? { countryCode: `S${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}` } : {}),
      ...(kind === 'MINISTRY' ? { partOf: actorId(l, homeState(l, i)) } : {}),
    });
  }
  const places: NonNullable<SeedFileInput['places']> = [];
  for (let k = 0; k < l.places; k++) {
    places.push({ id: placeId(k), kind: k % 5 === 0 ? 'COUNTRY' : 'CITY', name: { en: `Place ${k}` }, ...(k % 5 !== 0 ? { within: placeId(k - (k % 5)) } : {}) });
  }
  const issues: NonNullable<SeedFileInput['issues']> = [];
  for (let k = 0; k < l.issues; k++) {
    issues.push({ id: issueId(k), name: { en: `Issue ${k}`, id: `Isu ${k}` }, ...(k >= 10 ? { parent: issueId(k % 10) } : {}) });
  }
  // Every state joins one to three organisations; organisation 0 is the big alliance.
  const memberships: NonNullable<SeedFileInput['memberships']> = [];
  for (let s = l.orgs; s < l.statesEnd; s++) {
    const joined = new Set<number>();
    const count = 1 + rng.int(3);
    for (let k = 0; k < count; k++) joined.add(k === 0 && rng.chance(0.6) ? 0 : rng.skewed(l.orgs, 2));
    for (const o of joined) {
      const from = 1949 + rng.int(70);
      memberships.push({
        id: `${actorId(l, s)}-in-${actorId(l, o)}`,
        member: actorId(l, s),
        organization: actorId(l, o),
        from: rng.chance(0.5) ? String(from) : day(rng, from),
        ...(rng.chance(0.05) ? { until: String(from + 1 + rng.int(5)) } : {}),
      });
    }
  }
  // One in five people holds an office in their state's government or a ministry.
  const offices: NonNullable<SeedFileInput['offices']> = [];
  for (let p = l.mediaEnd; p < l.actors; p += 5) {
    offices.push({
      id: `office-${actorId(l, p)}`,
      holder: actorId(l, p),
      title: { en: rng.pick(['Foreign Minister', 'Spokesperson', 'Ambassador', 'Deputy Minister']) },
      organization: actorId(l, homeState(l, p)),
      asOf: String(FIRST_YEAR + rng.int(YEARS)),
    });
  }
  return {
    name: `000000-${REFERENCE_ID}.yaml`,
    statements: 0,
    seed: {
      source: { id: REFERENCE_ID, kind: 'REFERENCE', title: { en: 'Synthetic reference data' }, language: 'en', note: `diplograph synth --actors ${opts.actors} --statements ${opts.statements} --seed ${opts.seed}` },
      actors,
      places,
      issues,
      memberships,
      offices,
    },
  };
}

/** A speaker: hubs, great powers and people, skewed so that a few speak most. */
function speaker(l: CorpusLayout, rng: Random): number {
  const r = rng.next();
  if (r < 0.25) return rng.skewed(l.statesEnd, 2);
  if (r < 0.35) return l.statesEnd + rng.skewed(l.ministriesEnd - l.statesEnd, 2);
  return l.mediaEnd + rng.skewed(l.actors - l.mediaEnd, 3);
}

/** A holder of a stance or maker of a demand: organisations and states, hubs first. */
const power = (l: CorpusLayout, rng: Random): number => rng.skewed(l.statesEnd, 3);

/** The statements of report j: the last file may hold fewer. */
function statementsIn(opts: CorpusOptions, l: CorpusLayout, j: number): number {
  return Math.min(l.statementsPerFile, opts.statements - (j - 1) * l.statementsPerFile);
}

/** Report file j (1-based): one source, its wire copy, statements, demands, stances and an event. */
export function reportFile(opts: CorpusOptions, j: number): SynthFile {
  const l = corpusLayout(opts);
  const rng = Random.for(opts.seed, j);
  const n = statementsIn(opts, l, j);
  // Reports are dated in file order across the years, so that answers come after what they answer.
  const publishedDate = new Date(Date.UTC(FIRST_YEAR, 0, 1) + Math.floor(((j - 1) * YEARS * 365) / l.reports) * 86_400_000);
  const published = publishedDate.toISOString().slice(0, 10);
  const outlet = l.ministriesEnd + rng.skewed(l.mediaEnd - l.ministriesEnd, 2);
  const agency = l.ministriesEnd + 4 * rng.int(Math.max(1, Math.floor((l.mediaEnd - l.ministriesEnd) / 4)));
  const src = reportId(j);
  const wire = wireId(j);
  const eventId = `synth-meeting-${j}`;
  const participants = new Set<number>();
  for (let k = 0, want = 2 + rng.int(5); k < want; k++) participants.add(power(l, rng));

  const statements: NonNullable<SeedFileInput['statements']> = [];
  for (let k = 0; k < n; k++) {
    const who = speaker(l, rng);
    const kind = actorKind(l, who);
    const quotable = (QUOTABLE_KINDS as readonly string[]).includes(kind);
    const topic = rng.skewed(l.issues, 2);
    statements.push({
      id: `synth-stmt-${j}-${k}`,
      speaker: actorId(l, who),
      ...(kind === 'PERSON' || kind === 'MINISTRY' ? { onBehalfOf: actorId(l, homeState(l, who)) } : {}),
      mode: quotable ? rng.pick(['DIRECT_QUOTE', 'PARAPHRASE'] as const) : 'REPORTED',
      text: words(rng, WORDS_ID, 6 + rng.int(10)),
      language: 'id',
      gloss: words(rng, WORDS_EN, 6 + rng.int(10)),
      said: rng.chance(0.9) ? published : published.slice(0, 7),
      source: src,
      ...(rng.chance(0.3) ? { via: [wire] } : {}),
      ...(rng.chance(0.2) ? { event: eventId } : {}),
      issues: [issueId(topic)],
      mentions: [actorId(l, power(l, rng))],
    });
  }

  const demands: NonNullable<SeedFileInput['demands']> = [];
  for (let k = 0; k < l.demandsPerReport && k < n; k++) {
    const by = power(l, rng);
    let of = power(l, rng);
    if (of === by) of = (by + 1) % l.statesEnd;
    demands.push({
      id: demandId(j, k),
      by: [actorId(l, by)],
      of: [actorId(l, of)],
      summary: { en: `Demand ${j}-${k}: ${words(rng, WORDS_EN, 4)}`, id: words(rng, WORDS_ID, 4) },
      since: published,
      issues: [issueId(rng.skewed(l.issues, 2))],
      evidence: [`synth-stmt-${j}-${k}`],
    });
  }

  // About one stance for every two statements. Most answer a demand of this or an
  // earlier report, skewed towards the oldest, so early demands gather long threads.
  const stances: NonNullable<SeedFileInput['stances']> = [];
  for (let k = 0; k < n; k += 2) {
    const holder = power(l, rng);
    const base = { id: `synth-stance-${j}-${k}`, holder: actorId(l, holder), kind: rng.pick(STANCE_KINDS), date: published, summary: { en: words(rng, WORDS_EN, 5) }, evidence: [`synth-stmt-${j}-${k}`] };
    if (rng.chance(0.7)) {
      const report = 1 + rng.skewed(j, 2);
      stances.push({ ...base, respondsTo: demandId(report, rng.int(Math.min(l.demandsPerReport, statementsIn(opts, l, report)))) });
    } else {
      stances.push({ ...base, issues: [issueId(rng.skewed(l.issues, 2))] });
    }
  }

  return {
    name: `${pad(j, 6)}-${src}.yaml`,
    statements: n,
    seed: {
      source: { id: src, kind: 'NEWS_REPORT', title: { en: `Synthetic report ${j}` }, publisher: actorId(l, outlet), published, language: 'id', cites: [wire] },
      sources: [{ id: wire, kind: 'NEWS_AGENCY_REPORT', title: { en: `Synthetic wire ${j}` }, publisher: actorId(l, agency), published, language: 'en' }],
      demands,
      statements,
      stances,
      events: [
        {
          id: eventId,
          kind: 'MEETING',
          status: 'ESTABLISHED',
          name: { en: `Meeting ${j}` },
          date: published,
          place: placeId(rng.int(l.places)),
          participants: [...participants].map((p, i) => ({ actor: actorId(l, p), role: i === 0 ? ('HOST' as const) : ('PARTICIPANT' as const) })),
          issues: [issueId(rng.skewed(l.issues, 2))],
        },
      ],
    },
  };
}

/** The number of files of a corpus (the reference file and the reports). */
export function corpusFileCount(opts: CorpusOptions): number {
  return 1 + corpusLayout(opts).reports;
}

/** Every file of the corpus in load order, generated lazily. */
export function* generateCorpus(opts: CorpusOptions): Generator<SynthFile> {
  const l = corpusLayout(opts);
  yield referenceFile(opts);
  for (let j = 1; j <= l.reports; j++) yield reportFile(opts, j);
}
