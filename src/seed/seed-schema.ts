/**
 * The shape of a seed file. One file holds one source document (or one body of
 * reference data) and every fact taken from it. docs/seed-format.md explains
 * each section for analysts; this module is the machine-checked truth, derived from
 * the model (src/model/entities.ts): one zod schema per field kind, the object of each
 * section built from its fields in model order. Only what is not shape is written here:
 * cross-field rules (KIND_REFINEMENTS) and fields whose schema the model cannot state
 * (FIELD_SCHEMAS).
 */
import { z } from 'zod';
import { CAMEO_LABELS } from '../model/vocabulary.js';
import { ENTITY_KINDS, ENTITY_SECTIONS, type EntitySection, type ModelField, type ReferenceField, type ScalarField } from '../model/entities.js';
import { isLanguageTag, languageTagProblem } from '../model/languages.js';
import { PLAIN_STRING_MESSAGE } from './old-format.js';
import { hasVisibleText } from './visible-text.js';
import { fillClaimDefaults } from './claim-defaults.js';

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

// ── Reports (issue 16, docs/decisions/0036 §1) ──────────────────────────
/** A language as a BCP 47 tag (`ru`, `pt-BR`): a report keeps the page's own language, region included. */
const languageTag = z.string({ error: 'expected a language tag such as "ru" or "pt-BR"' }).superRefine((tag, ctx) => {
  if (!isLanguageTag(tag)) ctx.addIssue({ code: 'custom', message: languageTagProblem(tag) });
});

/** The longest quote a report keeps: a sentence, never an article's running text. */
export const REPORT_TEXT_MAX = 400;

const countryCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as "RUS"');

/** The schema of one value of each scalar field kind (before optional/default/list). */
const SCALAR_SCHEMAS: Record<ScalarField['kind'], z.ZodType | undefined> = {
  id: idSchema,
  text,
  localized,
  language,
  languageTag,
  url: webUrlSchema,
  countryCode,
  date: partialDateSchema,
  number: z.number({ error: 'expected a number' }),
  positiveInt: z.number().int().positive(),
  boolean: z.boolean(),
  // Optional by itself: a kind with a default CAMEO code derives it when omitted.
  cameo,
  // Built from the field's values (enumSchema).
  enum: undefined,
};

/**
 * Fields whose schema the model cannot state, by `section.field`: they replace the derived
 * schema whole (optional or not as written here). This is also where a field kind the
 * builder does not know goes, e.g. a polymorphic claim value (a scalar, an id or
 * `{ actor, role }`): add the kind to ScalarField['kind'] in the model, map it to
 * `undefined` in SCALAR_SCHEMAS, and give each field of that kind its schema here; a kind
 * without one fails at start-up naming the field.
 */
export const FIELD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'reports.text': text.refine((t) => t.length <= REPORT_TEXT_MAX, {
    message: `a report quotes at most one sentence (${REPORT_TEXT_MAX} characters), never running text`,
  }),
  // Claims (issue 16, decision 0043): which groups a fact has and what type each value takes
  // are checked against the model (CLAIM_GROUPS) in validate-claims.ts, with the fact at hand;
  // `value: { actor, role }` is read as `value` and `role` before parsing (claim-defaults.ts).
  'claims.group': z.string({ error: 'expected a group name such as "place" or "duration"' }).min(1, 'must not be empty'),
  'claims.value': z.union([z.string().min(1, 'must not be empty'), z.number(), z.boolean()], {
    error: 'expected a value: a number, a date, an enum value, an id, or { actor, role } for participants',
  }),
};

/**
 * A group (or, for a list such as `participants`, some of its items) of a fact this
 * file defines that the file's own source does not assert: the working value is kept,
 * and a claim of another source (a page, or reference knowledge) must back it (decision 0043).
 * Not an entity section: a statement about the file's own facts.
 */
export const outsideSchema = z.strictObject({
  of: idSchema,
  group: z.string({ error: 'expected a group name such as "place"' }).min(1, 'must not be empty'),
  items: z.array(idSchema).min(1, 'list at least one item, or leave `items` out for the whole group').optional(),
  // No note: the graph keeps only which groups are outside (the fact's outsideGroups), so a note would not survive an export; say why in a YAML comment, or in the fact's note.
});
/** One entry of a file's `outside` list. */
export type SeedOutside = z.infer<typeof outsideSchema>;

/** Rules across the fields of one entity, by section: applied to its derived object schema. */
const KIND_REFINEMENTS: Partial<Record<EntitySection, (schema: z.ZodObject) => z.ZodType>> = {
  stances: (schema) =>
    schema.refine(
      (s: { respondsTo?: string; issues?: string[]; towards?: string }) => s.respondsTo !== undefined || (s.issues?.length ?? 0) > 0 || s.towards !== undefined,
      { message: 'a stance must respond to a demand or instrument, concern an issue, or be towards an actor', path: ['respondsTo'] },
    ),
};

/** "a demand", "an instrument". */
const withArticle = (words: string): string => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;

/** The schema of an enum field: its values, and its default when omitted. */
function enumSchema(section: string, name: string, field: ScalarField): z.ZodType {
  if (!field.values) throw new Error(`src/model/entities.ts ${section}.${name}: an enum field needs its values`);
  const values = z.enum(field.values as [string, ...string[]]);
  return field.default !== undefined ? values.default(field.default) : values;
}

/** The schema of a scalar field: its kind's value schema, as a list, optional unless required. */
function scalarSchema(section: string, name: string, field: ScalarField): z.ZodType {
  if (field.kind === 'enum') return field.default !== undefined || field.required ? enumSchema(section, name, field) : enumSchema(section, name, field).optional();
  const value = SCALAR_SCHEMAS[field.kind];
  if (!value) throw new Error(`src/model/entities.ts ${section}.${name}: no seed schema for field kind "${field.kind}": give one in FIELD_SCHEMAS (src/seed/seed-schema.ts)`);
  const one = field.list ? z.array(value) : value;
  return field.required || field.kind === 'cameo' ? one : one.optional();
}

/** The schema of a reference field: an id, a list of ids, or a list of items holding an id (`participants[].actor`). */
function referenceSchema(section: EntitySection, field: ReferenceField): z.ZodType {
  if (!field.many) return field.required ? idSchema : idSchema.optional();
  const item = field.inner ? z.strictObject({ [field.inner]: idSchema, ...itemShape(section, field) }) : idSchema;
  const list = z.array(item);
  if (!field.required) return list.optional();
  const one = field.atLeastOne ?? ENTITY_KINDS[field.to[0]!].singular;
  return list.min(1, `${withArticle(ENTITY_KINDS[section].singular)} needs at least one ${one}`);
}

/** The fields of a reference's items other than the id, e.g. participants[].role. */
function itemShape(section: EntitySection, field: ReferenceField): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(field.itemProperties ?? {}).map(([name, f]) => [name, scalarSchema(section, `${field.inner}.${name}`, f)]));
}

/** The schema of one field of a section: given by hand in FIELD_SCHEMAS, else derived from its model field. */
function fieldSchema(section: EntitySection, name: string, field: ModelField): z.ZodType {
  return FIELD_SCHEMAS[`${section}.${name}`] ?? (field.kind === 'ref' ? referenceSchema(section, field) : scalarSchema(section, name, field));
}

/** The item schema of a section: a strict object of its model fields in order, with its cross-field rules. */
function sectionSchema(section: EntitySection): z.ZodType<SeedRecord> {
  const fields = Object.entries(ENTITY_KINDS[section].fields) as Array<[string, ModelField]>;
  const object = z.strictObject(Object.fromEntries(fields.map(([name, field]) => [name, fieldSchema(section, name, field)])));
  return (KIND_REFINEMENTS[section]?.(object) ?? object) as unknown as z.ZodType<SeedRecord>;
}

/** One entity as a seed file holds it, after parsing (defaults filled in, CAMEO codes padded). */
export type SeedRecord = { id: string } & Record<string, unknown>;

/** The item schema of each entity section, derived from the model. */
export const SECTION_SCHEMAS = Object.fromEntries(ENTITY_SECTIONS.map((s) => [s, sectionSchema(s)])) as Record<EntitySection, z.ZodType<SeedRecord>>;

/** A parsed, schema-valid seed file: its main source and its sections. */
export type SeedFile = { source: SeedRecord; outside?: SeedOutside[] } & { [S in EntitySection]?: SeedRecord[] };

/** A whole seed file: the main source, then each section as an optional list. */
export const seedFileSchema = z.preprocess(
  // Every reader of seed files (seed, ingest, bulk workers) gets the claims' derived ids and sources the same way.
  (data) => {
    fillClaimDefaults(data);
    return data;
  },
  z.strictObject({
    source: SECTION_SCHEMAS.sources,
    ...Object.fromEntries(ENTITY_SECTIONS.map((s) => [s, z.array(SECTION_SCHEMAS[s]).optional()])),
    outside: z.array(outsideSchema).optional(),
  }),
) as unknown as z.ZodType<SeedFile, SeedFileInput>;

/** A seed file as written, before parsing (what the synthetic corpus generator builds). */
export type SeedFileInput = { source: Record<string, unknown>; outside?: Array<Record<string, unknown>> } & { [S in EntitySection]?: Array<Record<string, unknown>> };
