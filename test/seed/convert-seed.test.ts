/**
 * `npm run seed:convert`: old-format seed files become localized text that validates,
 * with their comments, order and other lines untouched; a converted file converts to itself.
 */
import { describe, expect, it } from 'vitest';
import { convertSeedText } from '../../src/seed/convert-seed.js';
import { parseSeedText } from '../../src/seed/read-seed-files.js';
import { validateSeeds } from '../../src/seed/validate-seeds.js';

const old = `# a report in Russian
source:
  id: test-old-report
  kind: NEWS_REPORT
  title: Доклад # as published
  titleEnglish: "A report, in English"
  language: ru
actors:
  - id: ruritania
    kind: STATE
    name: Ruritania      # the state
    nameId: Ruritania (id)
    description: >-
      A state that
      does not exist.
  - { id: rudolf, kind: PERSON, name: Rudolf, nameId: Rudolf Id }
issues:
  - id: borders
    name: Borders
`;

describe('convertSeedText', () => {
  const { text, changed, problems } = convertSeedText(old);

  it('writes every name, title and description per language, the plain string in its language', () => {
    expect(problems).toEqual([]);
    expect(changed).toBe(5);
    const { files, issues } = validateSeeds([parseSeedText('old.yaml', text).parsed]);
    expect(issues).toEqual([]);
    const seed = files[0]!.seed;
    // A source's plain title is in the source's language; elsewhere English, and nameId Indonesian.
    expect(seed.source.title).toEqual({ en: 'A report, in English', ru: 'Доклад' });
    expect(seed.actors![0]!.name).toEqual({ en: 'Ruritania', id: 'Ruritania (id)' });
    expect(seed.actors![0]!.description).toEqual({ en: 'A state that does not exist.' });
    expect(seed.actors![1]!.name).toEqual({ en: 'Rudolf', id: 'Rudolf Id' });
    expect(seed.issues![0]!.name).toEqual({ en: 'Borders' });
  });

  it('keeps comments and every other line as written', () => {
    expect(text).toContain('# a report in Russian\nsource:\n  id: test-old-report\n');
    expect(text).toContain('  title: { en: "A report, in English", ru: Доклад } # as published\n  language: ru\n');
    expect(text).toContain('    name: { en: Ruritania, id: Ruritania (id) }      # the state\n    description:\n      en: >-\n        A state that\n        does not exist.\n  - { id: rudolf');
    expect(text).toContain('  - { id: rudolf, kind: PERSON, name: { en: Rudolf, id: Rudolf Id } }\n');
    expect(text).not.toMatch(/nameId|titleEnglish/);
  });

  it('leaves a converted file as it is', () => {
    expect(convertSeedText(text)).toEqual({ text, changed: 0, problems: [] });
  });
});
