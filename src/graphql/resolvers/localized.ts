/**
 * Localized text in the API: each localized field of the model answers `name(lang:)`
 * (one text, by the fallback order of src/model/languages.ts) and `names` (a
 * LocalizedText with every language), built from the node's `<field>.<tag>` properties.
 * Asked without a language, a field reads only its stored default text; with one, and
 * `names`, every property of the entity (the tags are not known ahead).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/entity-record.js';
import { ENTITY_KINDS, ENTITY_SECTIONS, localizedFieldsOf, localizedPlural } from '../../model/entities.js';
import { bestText, fallbackOrder } from '../../model/languages.js';
import type { GraphContext } from '../context.js';
import { readsPropertiesByArgs } from './fields.js';
import { checkedLang, localizedText, localizedValue, type LocalizedValue } from './localized-text.js';

/** The resolvers of LocalizedText. */
export const localizedTextResolvers = {
  LocalizedText: {
    text: (v: LocalizedValue, args: { lang: string }, _: unknown, info: GraphQLResolveInfo) => v.texts[checkedLang(args.lang, info)!] ?? null,
    best: (v: LocalizedValue, args: { lang?: string | null }, _: unknown, info: GraphQLResolveInfo) => bestText(v.texts, checkedLang(args.lang, info), v.original),
    languages: (v: LocalizedValue) => Object.keys(v.texts).sort(),
    all: (v: LocalizedValue) => fallbackOrder(Object.keys(v.texts), null, v.original).map((lang) => ({ lang, text: v.texts[lang]! })),
  },
};

type FieldResolver = (e: EntityRecord, args: { lang?: string | null }, ctx: GraphContext, info: GraphQLResolveInfo) => unknown;

/** The resolvers of every localized field of the model, by object type: `name(lang:)` and `names`. */
export const localizedFieldResolvers: Record<string, Record<string, FieldResolver>> = Object.fromEntries(
  ENTITY_SECTIONS.map((section) => [
    ENTITY_KINDS[section].label,
    Object.fromEntries(
      localizedFieldsOf(section).flatMap((field): Array<[string, FieldResolver]> => [
        [
          field,
          readsPropertiesByArgs(
            (args) => (args.lang == null ? [field] : undefined),
            (e: EntityRecord, args: { lang?: string | null }, _ctx: GraphContext, info: GraphQLResolveInfo) => localizedText(e, field, checkedLang(args.lang, info))?.text ?? null,
          ),
        ],
        [localizedPlural(field), (e) => localizedValue(e, field)],
      ]),
    ),
  ]),
);
