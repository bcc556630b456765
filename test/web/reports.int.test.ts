/**
 * A fact's reports in the dashboard (issue 16), in a real browser against the real
 * server over the seeded Neo4j: a demand and a statement show every page that renders
 * them, each quote in its page's language with its tag, and how many sources,
 * languages and independent origins corroborate them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, withDashboard } from './browser.js';

const dash = withDashboard();

/** Waits for `selector`, failing at once with the error's text if the view shows an error. */
async function shown(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}, .state-error`).first().waitFor();
  if ((await page.locator(selector).count()) === 0) throw new Error(`the page shows an error instead of ${selector}: ${await page.locator('.state-error').first().innerText()}`);
}

/** The reports as shown: language tag and quote of each. */
async function shownReports(page: Page): Promise<Array<[string, string]>> {
  const items = page.locator('section.reports li.report');
  const out: Array<[string, string]> = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push([await item.locator('.lang-tag').innerText(), await item.locator('q.report-text').innerText()]);
  }
  return out;
}

describe('reports in the dashboard', () => {
  it('the demand to stop admitting new members shows its reports in English, Russian and Indonesian, and their count', async () => {
    const page = await dash.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.api.url}/#/demand/demand-nato-stop-enlargement`);
    await shown(page, 'section.reports');
    await expect(page.locator('section.reports h2').innerText()).resolves.toBe('Reported by');
    await expect(page.locator('section.reports p.corroboration').innerText()).resolves.toMatch(/^4 sources, 3 languages: en, id, ru; 4 independent origins$/);
    const reports = await shownReports(page);
    expect(reports).toEqual(
      expect.arrayContaining([
        ['en', 'These include demands to stop admitting any new members to NATO.'],
        ['id', 'janji mengikat bahwa NATO tidak akan memperluas lebih jauh ke timur'],
        [expect.stringMatching(/^ru$/), expect.stringMatching(/^Москва, в частности, требует/)],
      ]),
    );
    // Each quote is marked with its own language, for screen readers and fonts.
    await expect(page.locator('section.reports q.report-text[lang="ru"]').count()).resolves.toBe(1);
    await expect(page.locator('section.reports li.report').filter({ hasText: 'janji mengikat' }).locator('cite.source a').getAttribute('href')).resolves.toBe('#/entity/discwelder-2022-01-12-cnn-translated');
    expect(errors).toEqual([]);
  });

  it('a statement reported by several pages shows each one and counts the relayed copy once', async () => {
    const page = await dash.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.api.url}/#/entity/stmt-stoltenberg-differences`);
    await shown(page, 'section.reports');
    await expect(page.locator('section.reports p.corroboration').innerText()).resolves.toBe('4 sources, 2 languages: en, id; 3 independent origins');
    expect((await shownReports(page)).sort()).toEqual([
      ['en', 'Our differences will not be easy to bridge.'],
      ['id', 'Perbedaan kami tidak akan mudah untuk dijembatani,'],
      ['id', 'Perbedaan kita tidak akan mudah untuk dijembatani,'],
    ]);
    await expect(page.locator('section.reports li.report').filter({ hasText: 'Perbedaan kami' }).innerText()).resolves.toContain('via (title unknown) The New York Times report of the NATO-Russia Council meeting');
    expect(errors).toEqual([]);
  });
});
