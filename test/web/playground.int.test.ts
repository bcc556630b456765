/**
 * The GraphQL playground at /playground runs offline: GraphiQL, its editor and workers
 * all come from this server, and a query runs against the real API. Any request that
 * would leave the local origin is blocked and recorded, and the test fails on it.
 * Request headers (API keys) are never stored where a script on this origin could read them.
 */
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { testDatabase } from '../setup/neo4j.js';
import { collectPageErrors, screenshot, withDashboard } from './browser.js';

const dash = withDashboard();

describe('the playground', () => {
  it('runs a query with no internet, and nothing leaves the local origin', async () => {
    const requested: string[] = [];
    const blocked: string[] = [];
    const local = (url: string): boolean => url.startsWith(`${dash.api.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
    // No internet: whatever is not local is refused (and recorded).
    await dash.browser.context.route(
      (url) => !local(url.href),
      (route) => {
        blocked.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );
    dash.browser.context.on('request', (req) => requested.push(req.url()));

    const page = await dash.browser.newPage();
    const errors = collectPageErrors(page);
    // Without the trailing slash: the server redirects to /playground/.
    await page.goto(`${dash.api.url}/playground`);
    expect(new URL(page.url()).pathname).toBe('/playground/');

    const run = page.locator('button.graphiql-execute-button');
    await run.waitFor({ timeout: 30_000 });
    // The first example tab is preloaded; wait until the editor holds it, then run it.
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'search' }).waitFor({ timeout: 30_000 });
    const answer = page.waitForResponse((res) => res.url() === `${dash.api.url}/graphql` && res.request().postData()?.includes('search(') === true);
    await run.click();
    const res = await answer;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { data?: { search?: { totalCount: number } } }).data?.search?.totalCount).toBeGreaterThan(0);

    const result = page.locator('.graphiql-response .view-lines');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/"data"/);
    await expect(result.textContent()).resolves.toMatch(/"totalCount"/);
    await screenshot(page, '4-playground-query');

    expect(blocked).toEqual([]);
    expect(requested.filter((url) => !local(url))).toEqual([]);
    expect(requested.some((url) => url === `${dash.api.url}/graphql`)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends the Headers editor with the request but never stores it: no localStorage value holds the key', async () => {
    const key = await createApiKey(dash.api.driver, testDatabase(), { name: 'test playground headers', scope: 'read' });
    try {
      const page = await dash.browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${dash.api.url}/playground/`);
      await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'search' }).waitFor({ timeout: 30_000 });

      // Open the Headers editor and put the key in it, as an analyst would.
      await page.locator('button[data-name="headers"]').click();
      const headers = page.locator('section.graphiql-editor-tool .graphiql-editor:not(.hidden)');
      await headers.locator('.view-lines').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${key.token}` }));
      await headers.locator('.view-lines').filter({ hasText: key.token.slice(0, 12) }).waitFor();

      const answer = page.waitForResponse((res) => res.url() === `${dash.api.url}/graphql` && res.request().postData()?.includes('search(') === true);
      await page.locator('button.graphiql-execute-button').click();
      const res = await answer;
      expect(res.request().headers()['authorization']).toBe(`Bearer ${key.token}`);
      expect(res.status()).toBe(200);

      // GraphiQL records the run in its history; once it has, read everything stored.
      const stored = async () =>
        page.evaluate(() => {
          const storage = (globalThis as unknown as { localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null } }).localStorage;
          return Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((k) => [k, storage.getItem(k) ?? ''] as const);
        });
      await expect.poll(async () => (await stored()).some(([k, v]) => k === 'graphiql:queries' && v.includes('search(')), { timeout: 15_000 }).toBe(true);
      // A reload writes the tabs again, from what was kept.
      await page.reload();
      await page.locator('.graphiql-query-editor .view-lines').first().waitFor({ timeout: 30_000 });
      const leaks = (await stored()).filter(([, v]) => v.includes(key.token) || v.includes(key.token.slice(0, 12)));
      expect(leaks.map(([k]) => k)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await dash.api.driver.executeQuery('MATCH (k:ApiKey {id: $id}) DETACH DELETE k', { id: key.id }, { database: testDatabase() });
    }
  });
});
