/**
 * What the write API can write: one seed section per mutation, validated by that
 * section's seed schema (src/seed/seed-schema.ts), so a fact written through the API
 * passes exactly the checks a seed file's fact passes.
 */
import {
  API_WRITABLE_SECTIONS,
  ENTITY_KINDS,
  INCOMING_TYPES,
  localizedFieldsOf,
  MENTION_TYPES,
  SECTION_OF_LABEL,
  type WritableSection,
} from '../model/entities.js';
import { isLanguageTag } from '../model/languages.js';
import { SECTION_SCHEMAS } from '../seed/seed-schema.js';
import { WriteInputError } from './write-input-error.js';

export { INCOMING_TYPES, MENTION_TYPES, SECTION_OF_LABEL, type WritableSection };

/** The sections the API writes (the model's API_WRITABLE_SECTIONS), with the schema that validates their input. */
export const WRITABLE_SECTIONS = Object.fromEntries(API_WRITABLE_SECTIONS.map((s) => [s, SECTION_SCHEMAS[s]])) as unknown as {
  [S in WritableSection]: (typeof SECTION_SCHEMAS)[S];
};

/** The operation name recorded in the audit trail for each section, e.g. UPSERT_STANCE. */
export const OPERATION_OF = Object.fromEntries(
  API_WRITABLE_SECTIONS.map((s) => [s, `UPSERT_${ENTITY_KINDS[s].singular.toUpperCase()}`]),
) as Record<WritableSection, string>;

/** The prefix of the origin of everything the API writes: `api:<source id of its file>`. */
export const API_ORIGIN_PREFIX = 'api:';

/** The file (main source id) an origin names, for seed and API origins alike. */
export const fileOfOrigin = (origin: string): string => (origin.startsWith(API_ORIGIN_PREFIX) ? origin.slice(API_ORIGIN_PREFIX.length) : origin);

/**
 * A write input as its seed schema reads it: each localized field, given in GraphQL as a
 * list of `{ lang, text }`, becomes the seed file's `{ <lang>: text }`. A language given
 * twice is refused, naming the entry.
 */
export function seedRecordOfInput(section: WritableSection, input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  for (const field of localizedFieldsOf(section)) {
    const entries = input[field];
    if (!Array.isArray(entries)) continue;
    const texts: Record<string, string> = {};
    entries.forEach((entry: { lang: string; text: string }, i) => {
      if (entry.lang in texts) throw new WriteInputError(`input.${field}[${i}].lang`, `"${entry.lang}" is given twice: give each language once`);
      texts[entry.lang] = entry.text;
    });
    out[field] = texts;
  }
  return out;
}

/** The path of a seed-schema issue as the write input has it: `name.english` -> `name[0].lang` (the input's list of `{ lang, text }`). */
export function inputPathOf(section: WritableSection, input: Record<string, unknown>, path: PropertyKey[]): PropertyKey[] {
  const [field, tag, ...rest] = path;
  const entries = input[field as string];
  if (typeof tag !== 'string' || !Array.isArray(entries) || !localizedFieldsOf(section).includes(field as string)) return path;
  const index = entries.findIndex((e: { lang?: unknown }) => e?.lang === tag);
  return index < 0 ? path : [field!, index, isLanguageTag(tag) ? 'text' : 'lang', ...rest];
}
