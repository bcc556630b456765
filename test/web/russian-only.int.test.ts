/**
 * A source labelled only in Russian (test/api/fixtures/russian-only.yaml) in the
 * dashboard: its page shows the title in its own `lang` with its language marked, and
 * its publisher's name likewise (test/web/language.int.test.ts covers the rest of the
 * display language with its own fixture).
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
  it('shows its title and its publisher’s name marked as Russian in an English display', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/?lang=en#/entity/${ORIGIN}`);
    const title = 'Заявление министерства о переговорах по безопасности';
    const heading = page.locator('h1 [lang="ru"]');
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toBe(title);
    // The mark (web/src/ui/localized.ts): "RU" on screen, the reason in its tooltip.
    await expect(page.locator('h1 .lang-mark [aria-hidden="true"]').textContent()).resolves.toBe('RU');
    await expect(page.locator('h1 .lang-mark').getAttribute('title')).resolves.toBe('Russian: no English title recorded');

    await page.goto(`${api.url}/?lang=en#/actor/fixture-ru-only-ministry`);
    const name = page.locator('h1 [lang="ru"]');
    await name.waitFor();
    await expect(name.textContent()).resolves.toBe('Министерство иностранных дел Руритании');
    await expect(page.locator('h1 .lang-mark').getAttribute('title')).resolves.toBe('Russian: no English name recorded');
    expect(errors).toEqual([]);
    await page.close();
  });
});
