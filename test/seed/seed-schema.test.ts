/**
 * The seed schemas are derived from the model (src/seed/seed-schema.ts), so there is no
 * second copy to compare with it. What must hold instead: every seed file of the
 * repository still passes, and bad input is refused with the messages analysts knew
 * before the derivation (each expected message below was taken from the hand-written
 * schemas they replace, commit 70f886d), at the same path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENTITY_KINDS, ENTITY_SECTIONS, type EntitySection } from '../../src/model/entities.js';
import { FIELD_SCHEMAS, SECTION_SCHEMAS, seedFileSchema } from '../../src/seed/seed-schema.js';
import { fillClaimDefaults } from '../../src/seed/claim-defaults.js';

/** Every YAML file under dir. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(f) ? [path] : [];
  });
}

/** An input and the issues (`path: message`) its section's schema gives, in order. */
const REFUSED: Array<[EntitySection, Record<string, unknown>, string[]]> = [
  [
    'sources', { id: 'Not An Id', kind: 'NEWS', title: 'plain', language: 'EN', url: 'javascript:alert(1)', published: '2022-02-30', extra: 1 },
    [
      "id: not an id: use lower-case letters, digits and single hyphens, e.g. \"jens-stoltenberg\"",
      "kind: Invalid option: expected one of \"NEWS_REPORT\"|\"NEWS_AGENCY_REPORT\"|\"BROADCAST\"|\"OFFICIAL_STATEMENT\"|\"OFFICIAL_DOCUMENT\"|\"REFERENCE\"|\"REFERENCE_KNOWLEDGE\"",
      "title: a plain string is no longer accepted here: text is given per language, e.g. { en: \"Russia\", id: \"Rusia\" }; convert old files with `npm run seed:convert -- FILE...`",
      "published: not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
      "language: an ISO 639 language code such as \"id\" or \"en\"",
      "url: not an http(s) URL: only addresses starting with http:// or https:// are accepted",
      ": Unrecognized key: \"extra\"",
    ],
  ],
  [
    'actors', { id: 'russia', kind: 'STATE', name: { en: ' ', xx_1: 'a' }, countryCode: 'rus', aliases: [''] },
    [
      "name.en: must not be empty",
      "name.en: must not be empty: it has only whitespace, zero-width or control characters",
      "name.xx_1: \"xx_1\" is not a language tag: use a BCP 47 language tag such as \"en\", \"id\", \"ru\" or \"pt-BR\"",
      "aliases.0: must not be empty",
      "aliases.0: must not be empty: it has only whitespace, zero-width or control characters",
      "countryCode: an ISO 3166-1 alpha-3 code such as \"RUS\"",
    ],
  ],
  [
    'instruments', { id: 'i', kind: 'PROPOSAL', title: { en: 'T' }, issuedBy: [], published: '2021' },
    [
      "issuedBy: an instrument needs at least one issuer",
    ],
  ],
  [
    'demands', { id: 'd', by: [], of: [], summary: { en: 'S' }, since: 2021, cameoCode: '99999' },
    [
      "by: a demand needs at least one actor making it",
      "of: a demand needs at least one actor it is addressed to",
      "cameoCode: a CAMEO code has 3 or 4 digits, e.g. \"1232\"",
    ],
  ],
  [
    'stances', { id: 's', holder: 'nato', kind: 'REJECTS', date: '2022-01', summary: { en: 'S' }, evidence: [] },
    [
      "evidence: a stance needs at least one evidence statement",
      "respondsTo: a stance must respond to a demand or instrument, concern an issue, or be towards an actor",
    ],
  ],
  [
    'stances', { id: 's', holder: 'nato', kind: 'REJECTS', date: '2022-01', summary: { en: 'S' }, evidence: ['q'], cameoCode: 1999 },
    [
      "cameoCode: a CAMEO code without a label: add it to CAMEO_LABELS in src/model/vocabulary.ts",
      "respondsTo: a stance must respond to a demand or instrument, concern an issue, or be towards an actor",
    ],
  ],
  [
    'events', { id: 'e', kind: 'MEETING', name: {}, date: '2022', durationMinutes: -3, participants: [{ actor: 'a', role: 'X' }, { role: 'HOST' }] },
    [
      "name: give the text in at least one language, e.g. { en: \"Russia\" }",
      "durationMinutes: Too small: expected number to be >0",
      "participants.0.role: Invalid option: expected one of \"PARTICIPANT\"|\"CHAIR\"|\"HOST\"|\"INITIATOR\"|\"TARGET\"|\"REPORTER\"",
      "participants.1.actor: expected an id (a string such as \"russia\")",
    ],
  ],
  [
    'figures', { id: 'f', event: 'e', quantity: 'troops', value: 'many', qualifier: 'ABOUT' },
    [
      "value: expected a number",
    ],
  ],
  [
    'reports', { id: 'r', of: 's', source: 'src', mode: 'DIRECT_QUOTE', text: 'a'.repeat(401), language: 'en_US' },
    [
      "text: a report quotes at most one sentence (400 characters), never running text",
      "language: \"en_US\" is not a language tag: write \"en-US\"",
    ],
  ],
];

describe('the seed schemas derived from the model', () => {
  it.each(yamlFiles('seeds'))('accept the seed file %s', (file) => {
    // As the loader reads it: claim ids derived, `value: { actor, role }` split, the file's source filled in (claim-defaults.ts).
    const data: unknown = parse(readFileSync(file, 'utf8'));
    fillClaimDefaults(data);
    const result = seedFileSchema.safeParse(data);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(REFUSED.map(([section, input, issues], i) => [`${i}: ${section}`, section, input, issues] as const))(
    'refuse bad input with the messages of before (%s)',
    (_, section, input, issues) => {
      const result = SECTION_SCHEMAS[section].safeParse(input);
      expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(issues);
    },
  );

  it('have each section’s fields in model order, and give hand-written schemas only to model fields', () => {
    for (const section of ENTITY_SECTIONS)
      expect(Object.keys((SECTION_SCHEMAS[section] as unknown as { shape: object }).shape), section).toEqual(Object.keys(ENTITY_KINDS[section].fields));
    for (const key of Object.keys(FIELD_SCHEMAS)) {
      const [section, field] = key.split('.') as [EntitySection, string];
      expect(ENTITY_KINDS[section]?.fields, `FIELD_SCHEMAS names ${key}, which src/model/entities.ts does not define`).toHaveProperty(field);
    }
  });
});
