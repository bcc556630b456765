/**
 * The facts of a kind without a hand-made page, from the model (docs/decisions/0039):
 * every field MODEL_KINDS lists, as the generated fragment ModelFacts selects it, in
 * the reader's words of web/src/text/vocabulary.ts. A kind added to the model shows
 * its fields here with no dashboard edit.
 */
import type { EntityKind } from '../api/types.js';
import { MODEL_KINDS, type ModelEntityKind, type ModelFieldFacts } from '../api/__generated__/model.js';
import { entityHref } from '../app/router.js';
import type { EntityDetails } from '../operations/entity.js';
import { facts } from '../ui/badges.js';
import type { Child } from '../ui/dom.js';
import { externalLink } from '../ui/external-link.js';
import { allLanguages, inLanguage, labelLink, type LabelledRef, type LocalizedString } from '../ui/localized.js';
import { formatDate } from '../text/dates.js';
import { languageName } from '../text/languages.js';
import { enumLabel, fieldLabel } from '../text/vocabulary.js';

/** A reference as ModelFacts selects it. */
interface Ref extends LabelledRef {
  id: string;
  entityKind: EntityKind;
}

/** A localized text as the fragment Texts selects it. */
interface Texts {
  best: LocalizedString;
  all: LocalizedString[];
}

/** The field's value as a list (a single value or null becomes a list of one or none). */
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined || v === '' ? [] : [v]);

/** One value of a field, shown as its kind says. */
function shownValue(f: ModelFieldFacts, v: unknown): Child {
  switch (f.kind) {
    case 'ref':
      return labelLink(entityHref({ id: (v as Ref).id, entityKind: (v as Ref).entityKind }), v as Ref);
    case 'date':
      return formatDate(v as { iso: string });
    case 'enum':
      return enumLabel(f.enumType ?? '', String(v));
    case 'language':
      return languageName(String(v));
    case 'url':
      return externalLink(String(v));
    default:
      return String(v);
  }
}

/** The rows of one field: a localized text in the display language, then every language it is in. */
function rows(f: ModelFieldFacts, v: unknown): [string, Child][] {
  if (f.kind === 'localized') {
    const t = v as Texts | null | undefined;
    return [[fieldLabel(f.name), t ? inLanguage(t.best, 'text') : null], [`${fieldLabel(f.name)} (every language)`, allLanguages(t?.all)]];
  }
  const values = listOf(v);
  return [[fieldLabel(f.name), values.length === 0 ? null : values.flatMap((x, i) => [i > 0 ? ', ' : '', shownValue(f, x)])]];
}

/** The fields of a kind the model knows, or none for a kind the dashboard was built without. */
const fieldsOf = (kind: string): readonly ModelFieldFacts[] => (kind in MODEL_KINDS ? MODEL_KINDS[kind as ModelEntityKind].fields : []);

/** The facts of an entity of a kind without a hand-made page: its kind, then each field of the model. */
export function modelFacts(e: EntityDetails): HTMLElement {
  const values = e as unknown as Readonly<Record<string, unknown>>;
  return facts([['Kind', enumLabel('EntityKind', e.entityKind)], ...fieldsOf(e.entityKind).flatMap((f) => rows(f, values[f.key]))]);
}

/** The text that names an entity of a kind shown from the model (its naming field), for the page's heading. */
export function modelHeading(e: EntityDetails): LocalizedString | null {
  const naming = fieldsOf(e.entityKind).find((f) => f.naming);
  const t = naming ? (e as unknown as Readonly<Record<string, Texts | null | undefined>>)[naming.key] : undefined;
  return t ? t.best : null;
}
