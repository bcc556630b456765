/**
 * A source labelled only in Russian (test/api/fixtures/russian-only.yaml) in the
 * dashboard: its page shows the title with its language marked, the text in its own
 * `lang`, and its publisher's name likewise.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testDatabase } from '../setup/neo4j.js';
import { collectPageErrors, launchBrowser, startDashboardServer, type DashboardServer, type TestBrowser } from './browser.js';

const FIXTURE = path.join(projectRoot, 'test', 'api', 'fixtures', 'russian-only.yaml');
const ORIGIN = 'fixture-ru-only';

let api: DashboardServer;
let browser: TestBrowser;

beforeAll(async () => {
  api = await startDashboardServer();
  await runSeed(api.driver, { database: testDatabase(), paths: [FIXTURE] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api?.driver.executeQuery('MATCH (n:Entity {origin: $origin}) DETACH DELETE n', { origin: ORIGIN }, { database: testDatabase() });
  await api?.stop();
});

describe('a source labelled only in Russian', () => {
  it('shows its title and its publisher’s name marked as Russian', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/entity/${ORIGIN}`);
    const title = 'Заявление министерства о переговорах по безопасности';
    const tagged = page.locator('.localized', { hasText: title });
    await tagged.first().waitFor();
    await expect(tagged.first().locator('.lang-tag').textContent()).resolves.toBe('ru');
    await expect(tagged.first().locator('[lang="ru"]').textContent()).resolves.toBe(title);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(title);

    await page.goto(`${api.url}/#/actor/fixture-ru-only-ministry`);
    const name = page.locator('.localized', { hasText: 'Министерство иностранных дел Руритании' });
    await name.first().waitFor();
    await expect(name.first().locator('.lang-tag').textContent()).resolves.toBe('ru');
    expect(errors).toEqual([]);
    await page.close();
  });
});
