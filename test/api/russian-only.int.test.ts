/**
 * A source whose labels are only in Russian (test/api/fixtures/russian-only.yaml) loads,
 * is found over HTTP by a Russian word in another form than its title's, and says
 * which language its labels fell back to when English is asked for.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'russian-only.yaml');
const ORIGIN = 'fixture-ru-only';

const server = withSeededServer({ fixture: { path: FIXTURE, origin: ORIGIN } });

async function query(text: string, variables: Record<string, unknown> = {}) {
  const res = await postGraphql(server().url, { query: text, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the answer's shape is the query's
}

describe('a source labelled only in Russian', () => {
  it('is found by Russian words in other forms than its labels’ (заявлению ~ заявление, переговорам ~ переговорах, переговоры)', async () => {
    const ids = async (t: string) =>
      (await query('query S($t: String!) { search(text: $t, first: 5) { edges { node { id } } } }', { t })).search.edges.map((e: { node: { id: string } }) => e.node.id);
    expect((await ids('заявлению'))[0]).toBe(ORIGIN);
    expect(await ids('переговорам')).toEqual(expect.arrayContaining([ORIGIN, 'fixture-ru-only-talks']));
  });

  it('gives its Russian title and name when English is asked for, and says the language is ru', async () => {
    const data = await query(`{
      source(id: "${ORIGIN}") {
        label(lang: "en") title(lang: "en") titleEn: titles { text(lang: "en") } titles { languages best(lang: "en") { lang text } }
        publisher { label(lang: "en") names { best(lang: "en") { lang text } all { lang text } } descriptions { best { lang } } }
      }
    }`);
    const title = 'Заявление министерства о переговорах по безопасности';
    expect(data.source).toEqual({
      label: title,
      title,
      titleEn: { text: null },
      titles: { languages: ['ru'], best: { lang: 'ru', text: title } },
      publisher: {
        label: 'Министерство иностранных дел Руритании',
        names: { best: { lang: 'ru', text: 'Министерство иностранных дел Руритании' }, all: [{ lang: 'ru', text: 'Министерство иностранных дел Руритании' }] },
        descriptions: { best: { lang: 'ru' } },
      },
    });
  });

  it('refuses a lang that is not a language tag, naming the field and the argument', async () => {
    const res = await postGraphql(server().url, { query: `{ source(id: "${ORIGIN}") { titles { best(lang: "russian") { text } } } }` });
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'LocalizedText.best(lang:): "russian" is not a language tag: use a BCP 47 language tag such as "en", "id", "ru" or "pt-BR"',
      path: ['source', 'titles', 'best'],
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'lang' },
    });
  });
});
