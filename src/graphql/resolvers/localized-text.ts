/**
 * Localized text as the resolvers read it: a field's texts by language from the node's
 * `<field>.<tag>` properties, one text by the fallback order (src/model/languages.ts),
 * and the `lang` argument checked.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/entity-record.js';
import { ENTITY_KINDS, SECTION_OF_LABEL } from '../../model/entities.js';
import { bestText, DEFAULT_LANGUAGE, firstText, isLanguageTag, languageTagProblem, localizedTexts, type LocalizedString } from '../../model/languages.js';
import { badInput } from '../errors.js';

/** A localized field's texts as the LocalizedText type resolves them. */
export interface LocalizedValue {
  texts: Record<string, string>;
  /** The entity's original language (a source's `language`), a step of the fallback order. */
  original: string | null;
}

/** The `lang` argument checked: a BCP 47 tag, else BAD_USER_INPUT naming the field and argument. */
export function checkedLang(lang: string | null | undefined, info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>): string | null {
  if (lang === null || lang === undefined) return null;
  if (!isLanguageTag(lang)) throw badInput('lang', `${info.parentType.name}.${info.fieldName}(lang:): ${languageTagProblem(lang)}`);
  return lang;
}

/** The original language of an entity, if its kind has one. */
function originalOf(e: EntityRecord): string | null {
  const section = SECTION_OF_LABEL[e.__label];
  const field = section ? (ENTITY_KINDS[section] as { originalLanguage?: string }).originalLanguage : undefined;
  const value = field === undefined ? undefined : e[field];
  return typeof value === 'string' ? value : null;
}

/** A localized field of an entity; null when it has no text in any language. */
export function localizedValue(e: EntityRecord, field: string): LocalizedValue | null {
  const texts = localizedTexts(e, field);
  // A node written before localized text holds only the plain property: its text, language unknown, counts as English.
  if (Object.keys(texts).length === 0 && typeof e[field] === 'string') texts.en = e[field];
  return Object.keys(texts).length === 0 ? null : { texts, original: originalOf(e) };
}

/** An entity's localized field in the asked language or by the fallback order (null when it has none). */
export function localizedText(e: EntityRecord, field: string, lang: string | null): LocalizedString | null {
  if (lang === null) return defaultText(e, field);
  const value = localizedValue(e, field);
  return value === null ? null : bestText(value.texts, lang, value.original);
}


/**
 * localizedText without a language, the way every `name`, `summary` and `text` of a page
 * is asked: the same answer as bestText(localizedValue(e, field).texts, null, original)
 * read from the record's properties, without building the texts first (decision 0064).
 */
function defaultText(e: EntityRecord, field: string): LocalizedString | null {
  const prefix = `${field}.`;
  const textIn = (tag: string): string | undefined => {
    const v = e[prefix + tag];
    return typeof v === 'string' ? v : undefined;
  };
  const found = firstText(tagsOf(e, prefix), textIn, null, originalOf(e));
  if (found !== null) return found;
  // Only the plain property (a node written before localized text): English, as localizedValue counts it.
  const plain = e[field];
  return typeof plain === 'string' ? { lang: DEFAULT_LANGUAGE, text: plain } : null;
}

/** The tags of a record's `<field>.<tag>` properties (`prefix` is `<field>.`). */
function* tagsOf(e: EntityRecord, prefix: string): Generator<string> {
  for (const k in e) if (k.startsWith(prefix)) yield k.slice(prefix.length);
}
