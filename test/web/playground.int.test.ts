/**
 * The GraphQL playground at /playground runs offline: GraphiQL, its editor and workers
 * all come from this server, and a query runs against the real API. Any request that
 * would leave the local origin is blocked and recorded, and the test fails on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshot, startDashboardServer, type DashboardServer, type TestBrowser } from './browser.js';

let api: DashboardServer;
let browser: TestBrowser;

beforeAll(async () => {
  api = await startDashboardServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe('the playground', () => {
  it('runs a query with no internet, and nothing leaves the local origin', async () => {
    const requested: string[] = [];
    const blocked: string[] = [];
    const local = (url: string): boolean => url.startsWith(`${api.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
    // No internet: whatever is not local is refused (and recorded).
    await browser.context.route(
      (url) => !local(url.href),
      (route) => {
        blocked.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );
    browser.context.on('request', (req) => requested.push(req.url()));

    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    // Without the trailing slash: the server redirects to /playground/.
    await page.goto(`${api.url}/playground`);
    expect(new URL(page.url()).pathname).toBe('/playground/');

    const run = page.locator('button.graphiql-execute-button');
    await run.waitFor({ timeout: 30_000 });
    // The first example tab is preloaded; wait until the editor holds it, then run it.
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'search' }).waitFor({ timeout: 30_000 });
    const answer = page.waitForResponse((res) => res.url() === `${api.url}/graphql` && res.request().postData()?.includes('search(') === true);
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
    expect(requested.some((url) => url === `${api.url}/graphql`)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
