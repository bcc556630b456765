/**
 * A source address from the data is a link only when it is an http(s) URL. The API and
 * the seed loader refuse anything else (test/hostile/script-urls.int.test.ts), but a
 * graph can hold an older or hand-written value: here a javascript: URL written
 * straight into Neo4j must show as plain text, and clicking it must run nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../setup/neo4j.js';
import { collectPageErrors, launchBrowser, startDashboardServer, type DashboardServer, type TestBrowser } from './browser.js';

let api: DashboardServer;
let browser: TestBrowser;
const HOSTILE_URL = 'javascript:window.__xss=1;void 0';

beforeAll(async () => {
  api = await startDashboardServer();
  // Past validation on purpose: as if stored before the rule, or by hand.
  await api.driver.executeQuery(
    "MERGE (s:Entity:Source {id: 'xss-stored'}) SET s += {kind: 'NEWS_REPORT', title: 'Stored script', language: 'en', url: $url, origin: 'xss-stored'}",
    { url: HOSTILE_URL },
    { database: testDatabase() },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await api?.driver.executeQuery("MATCH (s:Source {id: 'xss-stored'}) DETACH DELETE s", {}, { database: testDatabase() });
  await browser?.close();
  await api?.stop();
});

/** The <dd> of a fact in the entity view's description list. */
const fact = (name: string) => `dl.facts dt:text-is("${name}") + dd`;

describe('addresses from the data', () => {
  it('shows a javascript: URL as text, not a link, and clicking it runs nothing', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/entity/xss-stored`);
    const address = page.locator(fact('Address'));
    await address.waitFor();
    await expect(address.textContent()).resolves.toBe(HOSTILE_URL);
    expect(await address.locator('a').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await address.click();
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links an https: URL, opening it without an opener or a referrer', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/#/entity/nato-member-countries`);
    const link = page.locator(fact('Address')).locator('a');
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe('https://www.nato.int/cps/en/natohq/topics_52044.htm');
    const rel = (await link.getAttribute('rel'))?.split(/\s+/) ?? [];
    expect(rel).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    await page.close();
  });
});
