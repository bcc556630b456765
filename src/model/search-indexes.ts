/**
 * The full-text indexes of search, derived from the model: one folding index over
 * every searched field (every language joined) for prefixes, diacritics and languages
 * without an analyzer, and one index per analyzer of the language table over the
 * searched fields in its languages. cypher/schema/004-search-languages.cypher is
 * generated from this (`npm run generate`); src/graph/search.ts queries the same list.
 */
import { ENTITY_KINDS, ENTITY_SECTIONS, scalarsOf, type ScalarField } from './entities.js';
import { analyzerGroups, joinedProperty, localizedProperty } from './languages.js';

/** One full-text index of search. */
export interface SearchIndex {
  name: string;
  analyzer: string;
  /** The node labels it covers. */
  labels: string[];
  /** The node properties it indexes. */
  properties: string[];
  /** Those of its properties that name an entity: words found there rank higher. */
  namingProperties: string[];
}

/**
 * The prefix of the search indexes' names (v2 since issue 16 searched stances, figures
 * and notes). Seeding also drops and recreates an index whose definition no longer
 * matches the model (src/seed/load-graph.ts), so a change of the indexed labels or
 * properties needs no new prefix; retired prefixes stay listed so old databases upgrade.
 */
const INDEX_PREFIX = 'entity_text_v2';
/** The prefixes of earlier versions of the indexes below. */
const RETIRED_PREFIXES = ['entity_text'];

/** Indexes of earlier versions, dropped when the schema is applied so that `npm run seed` upgrades a database. */
export const RETIRED_SEARCH_INDEXES = [
  'entity_search', 'entity_search_en', 'entity_search_id', 'entity_search_ru',
  ...RETIRED_PREFIXES.flatMap((p) => [`${p}_folding`, ...analyzerGroups().map((g) => `${p}_${g.analyzer}`)]),
];

/** The name of the folding index. */
export const FOLDING_INDEX = `${INDEX_PREFIX}_folding`;

/** A searched field of some kind: its name and its definition. */
function searchedFields(): Array<{ label: string; name: string; field: ScalarField }> {
  return ENTITY_SECTIONS.flatMap((s) => {
    const scalars = new Map(scalarsOf(s));
    return ENTITY_KINDS[s].searchText.map((name) => {
      // A joined property (aliasesText) is searched as the list field it joins.
      const field = scalars.get(name) ?? [...scalars.values()].find((f) => f.joinedAs === name);
      if (!field) throw new Error(`src/model/entities.ts: ${s}.searchText names "${name}", which is not a field of ${s}`);
      return { label: ENTITY_KINDS[s].label, name, field };
    });
  });
}

/** The properties one searched field is indexed under, for the given languages (null: the folding index). */
function propertiesOf(name: string, field: ScalarField, tags: string[] | null, mixed: boolean): string[] {
  if (field.kind === 'localized') return tags === null ? [joinedProperty(name)] : tags.map((t) => localizedProperty(name, t));
  if (tags === null) return [name];
  // A plain field in a fixed language goes to that language's index only; one in any language (aliases, a statement's words) to the corpus languages'.
  if (field.language !== undefined) return tags.includes(field.language) ? [name] : [];
  return mixed ? [name] : [];
}

/** Every full-text index of search, the folding one first. */
export function searchIndexes(): SearchIndex[] {
  const fields = searchedFields();
  const labels = [...new Set(fields.map((f) => f.label))];
  const build = (name: string, analyzer: string, tags: string[] | null, mixed = true): SearchIndex => {
    const properties = [...new Set(fields.flatMap((f) => propertiesOf(f.name, f.field, tags, mixed)))];
    const namingProperties = [...new Set(fields.filter((f) => f.field.names).flatMap((f) => propertiesOf(f.name, f.field, tags, mixed)))];
    return { name, analyzer, labels, properties, namingProperties };
  };
  return [
    build(FOLDING_INDEX, 'standard-folding', null),
    ...analyzerGroups().map((g) => build(`${INDEX_PREFIX}_${g.analyzer}`, g.analyzer, g.tags, g.mixed)),
  ];
}

/** The names of the naming fields (a name, a title, a demand's summary) of any kind: search compares them with the text. */
export function namingFields(): { localized: string[]; lists: string[] } {
  const all = ENTITY_SECTIONS.flatMap((s) => scalarsOf(s).filter(([, f]) => f.names));
  return {
    localized: [...new Set(all.filter(([, f]) => f.kind === 'localized').map(([n]) => n))],
    lists: [...new Set(all.filter(([, f]) => f.list).map(([n]) => n))],
  };
}
