/**
 * The analyst dashboard in a real browser (Debian's Chromium, headless) against the
 * real server over the seeded Neo4j: what an analyst does, with the keyboard where it
 * matters, and what they see when the API fails.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, collectPageErrors, launchBrowser, screenshot, startDashboardServer, type DashboardServer, type TestBrowser } from './browser.js';

let api: DashboardServer;
let browser: TestBrowser;
/** Every URL any page of these tests requested. */
const requested: string[] = [];

beforeAll(async () => {
  api = await startDashboardServer();
  browser = await launchBrowser();
  browser.context.on('request', (req) => requested.push(req.url()));
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/**
 * Waits until `selector` or an error box shows; fails at once, with the error's text,
 * if the view reports an error instead (rather than timing out).
 */
async function shown(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}, .state-error`).first().waitFor();
  if ((await page.locator(selector).count()) === 0) {
    throw new Error(`the page shows an error instead of ${selector}: ${await page.locator('.state-error').first().innerText()}`);
  }
}

/** What the graph drawing named `name` holds, read from cytoscape through the page's test hook. */
async function drawnGraph(page: Page, name: string): Promise<{ nodes: { id: string; x: number; y: number }[]; edges: { source: string; target: string; label: string }[] }> {
  await page.waitForFunction((n) => Boolean((globalThis as { __diplograph?: { graphs: Record<string, unknown> } }).__diplograph?.graphs[n]), name);
  return page.evaluate((n) => (globalThis as unknown as { __diplograph: { graphs: Record<string, () => never> } }).__diplograph.graphs[n]!(), name);
}

describe('the dashboard', () => {
  it('finds Russia by its Indonesian name and follows its demand to the allies’ rejection, quote and source', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/`);

    // Search from the header, with the keyboard.
    await page.getByRole('searchbox', { name: 'Search the graph' }).fill('Rusia');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/search?q=Rusia');
    const hit = page.locator('li.hit[data-id="russia"]');
    await hit.waitFor();
    await expect(hit.locator('.kind-badge').textContent()).resolves.toBe('Actor');
    await screenshot(page, '1a-search-rusia');

    await hit.getByRole('link', { name: 'Russia' }).click();
    await expect.poll(() => page.url()).toContain('#/actor/russia');
    await shown(page, 'section[aria-label="Demands made"]');
    const demandsMade = page.getByRole('region', { name: 'Demands made' });
    const demandLink = demandsMade.getByRole('link', { name: 'NATO should stop admitting new members.' });
    await demandLink.waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Russia');
    await drawnGraph(page, 'neighbourhood').then((g) => expect(g.nodes.map((n) => n.id)).toContain('demand-nato-stop-enlargement'));
    await screenshot(page, '1b-actor-russia');

    // Keyboard: focus the link and open it with Enter.
    await demandLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/demand/demand-nato-stop-enlargement');
    await shown(page, 'section.response-group[data-stance-kind="REJECTS"]');
    const rejections = page.locator('section.response-group[data-stance-kind="REJECTS"]');
    const response = rejections.locator('article.response[data-stance="stance-nato-rejects-stop-enlargement"]');
    await expect(response.getByRole('link', { name: 'North Atlantic Treaty Organization' }).first().isVisible()).resolves.toBe(true);
    const quote = response.locator('figure.quote').first();
    await expect(quote.locator('.quote-text').textContent()).resolves.toContain('Sekutu NATO menolak tuntutan itu.');
    await expect(quote.locator('blockquote').getAttribute('lang')).resolves.toBe('id');
    await expect(quote.locator('.quote-gloss').textContent()).resolves.toMatch(/reject/i);
    await expect(quote.locator('cite.source a').first().getAttribute('href')).resolves.toBe('#/entity/liputan6-2022-01-14-nrc');
    await expect(page.locator('#demand-status .state-badge').textContent()).resolves.toBe('Rejected');
    await screenshot(page, '1c-demand-thread');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks Germany’s rejection as derived in the positions matrix, with its reasoning on keyboard focus', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/positions?demand=demand-nato-stop-enlargement`);
    await shown(page, 'table.matrix');

    // Tab into the grid, then arrow down row by row until Germany's cell has focus.
    await page.locator('table.matrix tbody td').first().focus();
    for (let i = 0; i < 40; i++) {
      const row = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { closest(s: string): { getAttribute(a: string): string | null } | null } | null } }).document.activeElement?.closest('tr')?.getAttribute('data-actor'));
      if (row === 'germany') break;
      await page.keyboard.press('ArrowDown');
    }
    const cell = page.locator('tr[data-actor="germany"] td[data-column="demand-nato-stop-enlargement"]');
    await expect(cell.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement)).resolves.toBe(true);
    await expect(cell.getAttribute('data-derived')).resolves.toBe('true');
    await expect(cell.locator('.pos.derived').textContent()).resolves.toMatch(/^Rejects.*\(derived\)/);

    // The reasoning: the cell's accessible description, and the visible tooltip while focused.
    const describedBy = await cell.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const description = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(description).toMatch(/Germany inherits “rejects” from North Atlantic Treaty Organization .* as a member of North Atlantic Treaty Organization since 6 May 1955\./);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip.isVisible()).resolves.toBe(true);
    await expect(tooltip.textContent()).resolves.toContain('Germany inherits');
    await screenshot(page, '2-positions-germany-derived');

    // NATO's own stance is not derived.
    await expect(page.locator('tr[data-actor="nato"] td[data-column="demand-nato-stop-enlargement"]').getAttribute('data-derived')).resolves.toBe('false');
    // Escape hides the tooltip.
    await page.keyboard.press('Escape');
    await expect(tooltip.isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the path between Stoltenberg and Grushko picked by search-as-you-type', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/paths`);
    for (const [label, text, id] of [
      ['From', 'Stoltenb', 'jens-stoltenberg'],
      ['To', 'Grushko', 'alexander-grushko'],
    ] as const) {
      const box = page.getByRole('combobox', { name: label });
      await box.fill(text);
      await page.locator(`[role="listbox"] [data-id="${id}"]`).waitFor();
      await box.press('ArrowDown');
      await box.press('Enter');
      await expect(page.locator(`input[type="hidden"][name="${label.toLowerCase()}"]`).inputValue()).resolves.toBe(id);
    }
    await page.getByRole('button', { name: 'Find paths' }).click();
    await expect.poll(() => page.url()).toContain('#/paths?from=jens-stoltenberg&to=alexander-grushko');

    await shown(page, 'ol.path-list');
    const graph = await drawnGraph(page, 'paths');
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['jens-stoltenberg', 'alexander-grushko']));
    expect(graph.edges.length).toBeGreaterThan(0);
    // Drawn on the canvas, not stacked on one point.
    expect(new Set(graph.nodes.map((n) => `${Math.round(n.x)},${Math.round(n.y)}`)).size).toBe(graph.nodes.length);
    const firstPath = page.locator('ol.path-list li.path').first();
    await expect(firstPath.locator('.path-node').first().getAttribute('data-id')).resolves.toBe('jens-stoltenberg');
    await expect(firstPath.locator('.path-node').last().getAttribute('data-id')).resolves.toBe('alexander-grushko');
    await screenshot(page, '3-paths-stoltenberg-grushko');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('picks the best match on Enter: "Russia" is the state, told apart from the place', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/paths`);
    // Enter at once, before the suggestions came: the picker waits for them and takes the first.
    const from = page.getByRole('combobox', { name: 'From' });
    await from.fill('Russia');
    await from.press('Enter');
    await expect.poll(() => page.locator('input[type="hidden"][name="from"]').inputValue()).toBe('russia');
    await expect(from.inputValue()).resolves.toBe('Russia');
    await expect(page.locator('.picker-hint').first().textContent()).resolves.toBe('Chosen: Russia (actor, State)');
    // With the suggestions on screen: the state and the place of the same name, each with what it is.
    const to = page.getByRole('combobox', { name: 'To' });
    await to.fill('Belgium');
    const list = page.getByRole('listbox', { name: 'To: suggestions' });
    await list.locator('[data-id="belgium-country"]').waitFor();
    await expect(list.getByRole('option').first().getAttribute('data-id')).resolves.toBe('belgium');
    await expect(list.getByRole('option').first().locator('.picker-detail').textContent()).resolves.toBe(' State');
    await expect(list.locator('[data-id="belgium-country"] .picker-detail').textContent()).resolves.toBe(' Country');
    await to.press('Enter');
    await expect(page.locator('input[type="hidden"][name="to"]').inputValue()).resolves.toBe('belgium');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the timeline by actor and issue from a shared link', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/timeline?actor=russia&issue=nato-enlargement`);
    await shown(page, 'ol.timeline > li');
    const items = page.locator('ol.timeline > li');
    // The filters show what the link asked for.
    await expect.poll(() => page.getByRole('combobox', { name: 'Actor' }).inputValue()).toBe('Russia');
    await expect(page.getByLabel('Issue').inputValue()).resolves.toBe('nato-enlargement');
    const dates = await items.locator('time').evaluateAll((times) => times.map((t) => (t as unknown as { dateTime: string }).dateTime));
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort()).toEqual(dates);
    await expect(page.locator('ol.timeline > li[data-id="stmt-grushko-expansion"]').count()).resolves.toBe(1);
    await screenshot(page, '7-timeline-russia-enlargement');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when a search finds nothing', async () => {
    const page = await browser.newPage();
    // Words no seed file contains (notes are searched too: "nothing" is in one).
    await page.goto(`${api.url}/#/search?q=zzyzx-qwvk`);
    await page.locator('.state-empty').waitFor();
    await expect(page.locator('.state-empty').textContent()).resolves.toContain('Nothing found for “zzyzx-qwvk”');
    await page.close();
  });

  it('says clearly when an id names nothing (NOT_FOUND)', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/#/actor/no-such-actor`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getByRole('heading').textContent()).resolves.toBe('Not found');
    await expect(alert.textContent()).resolves.toContain('No Actor with id "no-such-actor"');
    await expect(alert.getAttribute('data-error-codes')).resolves.toBe('NOT_FOUND');
    await screenshot(page, '5a-not-found');
    await page.close();
  });

  it('says clearly when the API cannot be reached, and recovers on retry', async () => {
    const page = await browser.newPage();
    // The API is down: every request to /graphql is refused.
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${api.url}/#/demand/demand-nato-stop-enlargement`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getByRole('heading').textContent()).resolves.toBe('The API cannot be reached');
    await expect(alert.getAttribute('data-error-codes')).resolves.toBe('NETWORK_ERROR');
    await screenshot(page, '5b-api-down');

    await page.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('section.response-group[data-stance-kind="REJECTS"]').waitFor();
    await page.close();
  });

  it('is readable at a phone’s width', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${api.url}/#/demand/demand-nato-stop-enlargement`);
    await page.locator('section.response-group').first().waitFor();
    // Nothing wider than the screen: no sideways scrolling of the page.
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return doc.scrollWidth - doc.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '6a-phone-demand-thread');
    await page.goto(`${api.url}/#/positions?demand=demand-nato-stop-enlargement`);
    await page.getByRole('grid').waitFor();
    await screenshot(page, '6b-phone-positions');
    await page.close();
  });

  it.each([
    ['overview', '#/', 'section[aria-labelledby="home-demands"] .card'],
    ['search', '#/search?q=Rusia', 'li.hit'],
    ['actor', '#/actor/russia', 'figure.graph'],
    ['demand thread', '#/demand/demand-nato-stop-enlargement', 'section.response-group'],
    ['positions', '#/positions?axis=issue', 'table.matrix'],
    ['timeline', '#/timeline?actor=russia', 'ol.timeline'],
    ['path finder', '#/paths?from=jens-stoltenberg&to=alexander-grushko', 'ol.path-list'],
    ['entity', '#/entity/stance-nato-rejects-stop-enlargement', 'figure.quote'],
  ])('the %s view has no serious accessibility violations (axe-core, WCAG 2.1 AA)', async (_name, route, ready) => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/${route}`);
    await shown(page, ready);
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]') === null);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('loaded nothing from outside the server: no CDN, font, script or image', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${api.origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
