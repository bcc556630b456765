/**
 * Where every synthetic actor sits: the corpus's actors are numbered, and the
 * number alone tells an actor's kind and id, so that report files can refer to
 * actors without the generator holding them in memory.
 *
 * Shape, as in real coverage: a few hub organisations (alliances, IGOs,
 * forums) and great powers that most statements, demands and memberships
 * involve, many small states, ministries, media and a long tail of people.
 */
import type { ActorKind } from '../model/vocabulary.js';

/** Options of a synthetic corpus. */
export interface CorpusOptions {
  /** Number of actors (at least 30). */
  actors: number;
  /** Number of statements. */
  statements: number;
  /** The random seed: the same options give the same corpus. */
  seed: number;
  /** Statements per report file (default 500). */
  statementsPerFile?: number;
}

/** The index ranges of each kind of actor. */
export interface CorpusLayout {
  actors: number;
  /** Alliances, IGOs and forums: [0, orgs). */
  orgs: number;
  /** Great powers: [orgs, orgs + great). */
  great: number;
  /** Other states: [orgs + great, statesEnd). */
  statesEnd: number;
  /** Ministries: [statesEnd, ministriesEnd), each part of a state. */
  ministriesEnd: number;
  /** Media outlets and news agencies: [ministriesEnd, mediaEnd). */
  mediaEnd: number;
  /** People: [mediaEnd, actors). */
  issues: number;
  places: number;
  statementsPerFile: number;
  /** Report files (each one source). */
  reports: number;
  /** Demands defined per report file. */
  demandsPerReport: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(v)));

/** The layout of a corpus of the given size. */
export function corpusLayout(opts: CorpusOptions): CorpusLayout {
  const n = opts.actors;
  if (!Number.isInteger(n) || n < 30) throw new RangeError(`actors must be a whole number of at least 30 (got ${n})`);
  if (!Number.isInteger(opts.statements) || opts.statements < 1) throw new RangeError(`statements must be a positive whole number (got ${opts.statements})`);
  const orgs = clamp(n * 0.01, 3, 25);
  const great = clamp(n * 0.01, 5, 15);
  const states = clamp(n * 0.15, 10, 400);
  const ministries = clamp(n * 0.05, 3, 2_000);
  const media = clamp(n * 0.05, 4, 2_000);
  const statesEnd = orgs + great + states;
  const ministriesEnd = statesEnd + ministries;
  const mediaEnd = ministriesEnd + media;
  if (mediaEnd >= n) throw new RangeError(`too few actors for the layout (${n})`);
  const statementsPerFile = opts.statementsPerFile ?? 500;
  return {
    actors: n,
    orgs,
    great,
    statesEnd,
    ministriesEnd,
    mediaEnd,
    issues: clamp(n / 20, 10, 1_000),
    places: clamp(n / 50, 5, 200),
    statementsPerFile,
    reports: Math.ceil(opts.statements / statementsPerFile),
    demandsPerReport: Math.max(1, Math.round(statementsPerFile / 50)),
  };
}

/** The kind of actor number i. */
export function actorKind(l: CorpusLayout, i: number): ActorKind {
  if (i < l.orgs) return (['ALLIANCE', 'INTERGOVERNMENTAL_ORGANIZATION', 'FORUM'] as const)[i % 3]!;
  if (i < l.statesEnd) return 'STATE';
  if (i < l.ministriesEnd) return 'MINISTRY';
  if (i < l.mediaEnd) return i % 4 === 0 ? 'NEWS_AGENCY' : 'MEDIA_OUTLET';
  return 'PERSON';
}

/** The id of actor number i. */
export function actorId(l: CorpusLayout, i: number): string {
  const kind = actorKind(l, i);
  const tag = i < l.orgs ? 'org' : i < l.orgs + l.great ? 'power' : kind === 'STATE' ? 'state' : kind === 'MINISTRY' ? 'ministry' : kind === 'PERSON' ? 'person' : kind === 'NEWS_AGENCY' ? 'agency' : 'outlet';
  return `synth-${tag}-${i}`;
}

/** The state a ministry or person belongs to (people cluster in great powers). */
export function homeState(l: CorpusLayout, i: number): number {
  const states = l.statesEnd - l.orgs;
  // A fixed hash of i, skewed towards the great powers.
  const h = ((Math.imul(i + 1, 0x9e3779b1) >>> 0) % 10_000) / 10_000;
  return l.orgs + Math.min(states - 1, Math.floor(states * h ** 2));
}

/** The id of issue number k, and of place number k. */
export const issueId = (k: number): string => `synth-issue-${k}`;
export const placeId = (k: number): string => `synth-place-${k}`;
/** The id of report file j's source, and of the agency report it cites. */
export const reportId = (j: number): string => `synth-report-${j}`;
export const wireId = (j: number): string => `synth-wire-${j}`;
/** The id of demand k of report j. */
export const demandId = (j: number, k: number): string => `synth-demand-${j}-${k}`;
/** The source id of the reference file (actors, places, issues, memberships). */
export const REFERENCE_ID = 'synth-reference';
