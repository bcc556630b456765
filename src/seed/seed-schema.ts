/**
 * The shape of a seed file. One file holds one source document (or one body of
 * reference data) and every fact taken from it. docs/seed-format.md explains
 * each section for analysts; this module is the machine-checked truth.
 */
import { z } from 'zod';
import {
  ACTOR_KINDS,
  CAMEO_LABELS,
  CLAIM_QUALIFIERS,
  CLAIM_STATUSES,
  EVENT_KINDS,
  FIGURE_QUALIFIERS,
  INSTRUMENT_KINDS,
  PARTICIPANT_ROLES,
  PLACE_KINDS,
  REPORT_MODES,
  SOURCE_KINDS,
  STANCE_KINDS,
  STATEMENT_MODES,
} from '../model/vocabulary.js';
import type { EntitySection } from '../model/entities.js';
import { isLanguageTag, languageTagProblem } from '../model/languages.js';
import { PLAIN_STRING_MESSAGE } from './old-format.js';
import { hasVisibleText } from './visible-text.js';

/** A stable, readable id: lower-case words joined by hyphens, e.g. `russia`, `nrc-2022-01-12`. */
export const idSchema = z
  .string({ error: 'expected an id (a string such as "russia")' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not an id: use lower-case letters, digits and single hyphens, e.g. "jens-stoltenberg"')
  .max(120, 'an id is at most 120 characters');

const ref = idSchema;
const refs = z.array(ref);

/**
 * A date as far as it is known: YYYY, YYYY-MM or YYYY-MM-DD; a bare year may be
 * written unquoted. The calendar is checked (no 2022-02-30).
 */
export const partialDateSchema = z
  .union([z.string(), z.number().int()], { error: 'expected a date: YYYY, YYYY-MM or YYYY-MM-DD' })
  .transform((v) => String(v))
  .refine(isValidPartialDate, { message: 'not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)' });

/** True when s is YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date. */
export function isValidPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1000) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

const text = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, 'must not be empty')
  .refine(hasVisibleText, { message: 'must not be empty: it has only whitespace, zero-width or control characters' });
const note = text.optional();

/**
 * Text in one or more languages, keyed by BCP 47 tags: `{ en: "Russia", ru: "Россия" }`.
 * A plain string (the old format) is refused with a message naming the converter.
 */
export const localizedSchema = z
  .record(z.string(), text, {
    error: (issue) => (typeof issue.input === 'string' ? PLAIN_STRING_MESSAGE : 'expected text per language, e.g. { en: "Russia", id: "Rusia" }'),
  })
  .superRefine((texts, ctx) => {
    const tags = Object.keys(texts);
    if (tags.length === 0) ctx.addIssue({ code: 'custom', message: 'give the text in at least one language, e.g. { en: "Russia" }' });
    for (const tag of tags) if (!isLanguageTag(tag)) ctx.addIssue({ code: 'custom', path: [tag], message: languageTagProblem(tag) });
  });
const localized = localizedSchema;
const cameo = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).padStart(3, '0'))
  .refine((v) => /^\d{3,4}$/.test(v), { message: 'a CAMEO code has 3 or 4 digits, e.g. "1232"' })
  .refine((v) => !/^\d{3,4}$/.test(v) || v in CAMEO_LABELS, { message: 'a CAMEO code without a label: add it to CAMEO_LABELS in src/model/vocabulary.ts' })
  .optional();
const language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as "id" or "en"');

/**
 * True for an http: or https: URL written out in full. Nothing else is accepted as an
 * address: the dashboard links to it, and a javascript: or data: URL would run script.
 */
export function isWebUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const { protocol } = new URL(s);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A web address (see isWebUrl). */
export const webUrlSchema = z
  .string({ error: 'expected a URL' })
  .refine(isWebUrl, { message: 'not an http(s) URL: only addresses starting with http:// or https:// are accepted' });

/** A source document: the report itself, or one it quotes. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(SOURCE_KINDS),
  title: localized,
  publisher: ref.optional(),
  published: partialDateSchema.optional(),
  language,
  url: webUrlSchema.optional(),
  cites: refs.optional(),
  note,
});

/** A state, alliance, institution, person or medium. */
export const actorSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(ACTOR_KINDS),
  name: localized,
  aliases: z.array(text).optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as "RUS"')
    .optional(),
  description: localized.optional(),
  partOf: ref.optional(),
  note,
});

/** A place events happen in. */
export const placeSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(PLACE_KINDS),
  name: localized,
  within: ref.optional(),
  note,
});

/** A topic that stances, statements, demands and events group under. */
export const issueSchema = z.strictObject({
  id: idSchema,
  name: localized,
  description: localized.optional(),
  parent: ref.optional(),
  note,
});

/** A document or act in which demands are made (e.g. Russia's December 2021 proposals). */
export const instrumentSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(INSTRUMENT_KINDS),
  title: localized,
  issuedBy: refs.min(1, 'an instrument needs at least one issuer'),
  addressedTo: refs.optional(),
  published: partialDateSchema,
  sources: refs.optional(),
  note,
});

/** A person's office for an organisation, as the source states it. */
export const officeSchema = z.strictObject({
  id: idSchema,
  holder: ref,
  title: localized,
  organization: ref,
  asOf: partialDateSchema,
  sources: refs.optional(),
  note,
});

/** A dated membership of an actor in an organisation. */
export const membershipSchema = z.strictObject({
  id: idSchema,
  member: ref,
  organization: ref,
  from: partialDateSchema,
  until: partialDateSchema.optional(),
  sources: refs.optional(),
  note,
});

/** Something an actor demanded of another. */
export const demandSchema = z.strictObject({
  id: idSchema,
  by: refs.min(1, 'a demand needs at least one actor making it'),
  of: refs.min(1, 'a demand needs at least one actor it is addressed to'),
  summary: localized,
  since: partialDateSchema,
  instrument: ref.optional(),
  issues: refs.optional(),
  cameoCode: cameo,
  specifies: ref.optional(),
  evidence: refs.optional(),
  sources: refs.optional(),
  note,
});

/** A quote or paraphrase with its speaker, original text and our English gloss. */
export const statementSchema = z.strictObject({
  id: idSchema,
  speaker: ref,
  onBehalfOf: ref.optional(),
  mode: z.enum(STATEMENT_MODES),
  text: text,
  language,
  gloss: text,
  said: partialDateSchema,
  source: ref,
  via: refs.optional(),
  event: ref.optional(),
  issues: refs.optional(),
  mentions: refs.optional(),
  note,
});

/** An actor's dated position towards a demand, instrument, issue or actor, with evidence. */
export const stanceSchema = z
  .strictObject({
    id: idSchema,
    holder: ref,
    kind: z.enum(STANCE_KINDS),
    cameoCode: cameo,
    date: partialDateSchema,
    respondsTo: ref.optional(),
    towards: ref.optional(),
    issues: refs.optional(),
    summary: localized,
    evidence: refs.min(1, 'a stance needs at least one evidence statement'),
    sources: refs.optional(),
    note,
  })
  .refine((s) => s.respondsTo !== undefined || (s.issues?.length ?? 0) > 0 || s.towards !== undefined, {
    message: 'a stance must respond to a demand or instrument, concern an issue, or be towards an actor',
    path: ['respondsTo'],
  });

const participantSchema = z.strictObject({
  actor: ref,
  role: z.enum(PARTICIPANT_ROLES).default('PARTICIPANT'),
});

/** A meeting or other happening, with its date precision, place and participants. */
export const eventSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(EVENT_KINDS),
  name: localized,
  date: partialDateSchema,
  until: partialDateSchema.optional(),
  approximate: z.boolean().optional(),
  durationMinutes: z.number().int().positive().optional(),
  place: ref.optional(),
  participants: z.array(participantSchema).optional(),
  issues: refs.optional(),
  partOf: ref.optional(),
  inResponseTo: refs.optional(),
  previous: ref.optional(),
  status: z.enum(CLAIM_STATUSES).default('ESTABLISHED'),
  claimedBy: refs.optional(),
  description: localized.optional(),
  evidence: refs.optional(),
  sources: refs.optional(),
  note,
});

/** A number the source reports (troops, deaths), and who claims it. */
export const figureSchema = z.strictObject({
  id: idSchema,
  event: ref,
  quantity: text,
  value: z.number({ error: 'expected a number' }),
  unit: text.optional(),
  qualifier: z.enum(FIGURE_QUALIFIERS).default('EXACT'),
  asOf: partialDateSchema.optional(),
  claimedBy: refs.optional(),
  status: z.enum(CLAIM_STATUSES).default('ESTABLISHED'),
  evidence: refs.optional(),
  sources: refs.optional(),
  note,
});

// ── Reports (issue 16, docs/decisions/0036 §1) ──────────────────────────
/** A language as a BCP 47 tag (`ru`, `pt-BR`): a report keeps the page's own language, region included. */
const languageTag = z.string({ error: 'expected a language tag such as "ru" or "pt-BR"' }).superRefine((tag, ctx) => {
  if (!isLanguageTag(tag)) ctx.addIssue({ code: 'custom', message: languageTagProblem(tag) });
});

/** The longest quote a report keeps: a sentence, never an article's running text. */
export const REPORT_TEXT_MAX = 400;

/** One source's rendering of one fact: its words in its language, how it got them, our English where it differs. */
export const reportSchema = z.strictObject({
  id: idSchema,
  of: ref,
  source: ref,
  via: refs.optional(),
  mode: z.enum(REPORT_MODES),
  text: text.refine((t) => t.length <= REPORT_TEXT_MAX, {
    message: `a report quotes at most one sentence (${REPORT_TEXT_MAX} characters), never running text`,
  }),
  language: languageTag,
  gloss: localized.optional(),
  speaker: ref.optional(),
  date: partialDateSchema.optional(),
  note,
});

// ── Claims (issue 16, docs/decisions/0036 §2, 0043) ──────────────────────
/**
 * One source asserts one property group or one relationship of one fact. The id and
 * the source may be left out (fillClaimDefaults in claim-defaults.ts derives the id and
 * takes the file's source); `value: { actor, role }` is read as `value` and `role`.
 * Which groups a fact has and what type each value takes are checked against the
 * model (CLAIM_GROUPS) in validate-claims.ts, with the fact at hand.
 */
export const claimSchema = z.strictObject({
  id: idSchema,
  of: ref,
  group: z.string({ error: 'expected a group name such as "place" or "duration"' }).min(1, 'must not be empty'),
  value: z.union([z.string().min(1, 'must not be empty'), z.number(), z.boolean()], {
    error: 'expected a value: a number, a date, an enum value, an id, or { actor, role } for participants',
  }),
  role: z.enum(PARTICIPANT_ROLES).optional(),
  qualifier: z.enum(CLAIM_QUALIFIERS).optional(),
  source: ref,
  via: refs.optional(),
  evidence: refs.optional(),
  status: z.enum(CLAIM_STATUSES).default('ESTABLISHED'),
  claimedBy: refs.optional(),
  note,
});

/**
 * A group (or, for a list such as `participants`, some of its items) of a fact this
 * file defines that the file's own source does not assert: the working value is kept,
 * and a claim of another source (a page, or reference knowledge) must back it.
 */
export const outsideSchema = z.strictObject({
  of: ref,
  group: z.string({ error: 'expected a group name such as "place"' }).min(1, 'must not be empty'),
  items: refs.min(1, 'list at least one item, or leave `items` out for the whole group').optional(),
  // No note: the graph keeps only which groups are outside (the fact's outsideGroups), so a note would not survive an export; say why in a YAML comment, or in the fact's note.
});

/** The item schema of each entity section (compared with the model by test/model/seed-schema-drift.test.ts). */
export const SECTION_SCHEMAS = {
  sources: sourceSchema,
  actors: actorSchema,
  places: placeSchema,
  issues: issueSchema,
  instruments: instrumentSchema,
  offices: officeSchema,
  memberships: membershipSchema,
  demands: demandSchema,
  statements: statementSchema,
  stances: stanceSchema,
  events: eventSchema,
  figures: figureSchema,
  reports: reportSchema,
  claims: claimSchema,
} as const satisfies Record<EntitySection, z.ZodType>;

/** A whole seed file. */
export const seedFileSchema = z.strictObject({
  source: sourceSchema,
  sources: z.array(sourceSchema).optional(),
  actors: z.array(actorSchema).optional(),
  places: z.array(placeSchema).optional(),
  issues: z.array(issueSchema).optional(),
  instruments: z.array(instrumentSchema).optional(),
  offices: z.array(officeSchema).optional(),
  memberships: z.array(membershipSchema).optional(),
  demands: z.array(demandSchema).optional(),
  statements: z.array(statementSchema).optional(),
  stances: z.array(stanceSchema).optional(),
  events: z.array(eventSchema).optional(),
  figures: z.array(figureSchema).optional(),
  reports: z.array(reportSchema).optional(),
  claims: z.array(claimSchema).optional(),
  outside: z.array(outsideSchema).optional(),
});

/** A parsed, schema-valid seed file. */
export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedSource = z.infer<typeof sourceSchema>;
export type SeedActor = z.infer<typeof actorSchema>;
export type SeedStatement = z.infer<typeof statementSchema>;
export type SeedStance = z.infer<typeof stanceSchema>;
export type SeedEvent = z.infer<typeof eventSchema>;
export type SeedClaim = z.infer<typeof claimSchema>;
export type SeedOutside = z.infer<typeof outsideSchema>;
