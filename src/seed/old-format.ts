/**
 * The seed format before localized text (docs/decisions/0031), as far as old files
 * need to be recognised: the fields that held one language of a localized field,
 * the language a plain string is in, and the message that names the converter.
 */
import { ENTITY_KINDS, type EntitySection } from '../model/entities.js';
import { DEFAULT_LANGUAGE } from '../model/languages.js';

/** Fields of the old format that held one language of a localized field: old name -> [field, language]. */
export const OLD_LOCALIZED_FIELDS: Readonly<Record<string, readonly [string, string]>> = {
  nameId: ['name', 'id'],
  titleId: ['title', 'id'],
  summaryId: ['summary', 'id'],
  titleEnglish: ['title', 'en'],
};

/** How old files are converted, appended to every message about the old format. */
export const CONVERT_HINT = 'convert old files with `npm run seed:convert -- FILE...`';

/** The message for a plain string where localized text is expected. */
export const PLAIN_STRING_MESSAGE = `a plain string is no longer accepted here: text is given per language, e.g. { en: "Russia", id: "Rusia" }; ${CONVERT_HINT}`;

/** The message for an old field such as nameId. */
export function oldFieldMessage(key: string): string {
  const [field, lang] = OLD_LOCALIZED_FIELDS[key]!;
  return `"${key}" is no longer a field: its text is the "${lang}" text of ${field}, e.g. ${field}: { en: "...", ${lang === 'en' ? 'id' : lang}: "..." }; ${CONVERT_HINT}`;
}

/** The language of a plain string of the old format: for a source's title its `language`, elsewhere English. */
export function plainStringLanguage(section: EntitySection, record: Readonly<Record<string, unknown>>): string {
  const field = (ENTITY_KINDS[section] as { originalLanguage?: string }).originalLanguage;
  const lang = field === undefined ? undefined : record[field];
  return typeof lang === 'string' && lang !== '' ? lang : DEFAULT_LANGUAGE;
}
