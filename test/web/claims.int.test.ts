/**
 * Who says what, in the dashboard (issue 16, docs/decisions/0043-0044), in a real
 * browser against the real server over the seeded Neo4j: a disputed field (how long the
 * NATO-Russia Council met) shows every alternative with its sources and languages, and
 * a field found in one source only shows exactly that one. Accessible (axe) and within
 * the Content Security Policy.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { axeViolations, collectPageErrors, screenshotDir, withDashboard } from './browser.js';

const dash = withDashboard();

/** Waits for `selector`, failing at once with the error's text if the view shows an error. */
async function shown(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}, .state-error`).first().waitFor();
  if ((await page.locator(selector).count()) === 0) throw new Error(`the page shows an error instead of ${selector}: ${await page.locator('.state-error').first().innerText()}`);
}

/** The alternatives of one group as shown: value, sources' count, languages. */
async function alternatives(page: Page, group: string): Promise<string[]> {
  const items = page.locator(`section.claims li.claim-group[data-group="${group}"] li.alternative`);
  const out: string[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push(`${await item.locator('.alternative-value').innerText()} | ${await item.locator('.alternative-count').innerText()} | ${await item.locator('.alternative-languages').innerText()}`);
  }
  return out;
}

describe('who says what on a fact’s page', () => {
  it('the meeting’s duration is marked disputed and shows every alternative with its sources and languages; its place shows its one source', async () => {
    const page = await dash.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.api.url}/#/entity/nrc-meeting-2022-01-12`);
    await shown(page, 'section.claims');
    await expect(page.locator('section.claims h2').innerText()).resolves.toBe('Who says what');

    const duration = page.locator('section.claims li.claim-group[data-group="duration"]');
    await expect(duration.locator('.claim-disputed').innerText()).resolves.toMatch(/Sources differ/);
    expect((await alternatives(page, 'duration')).sort()).toEqual(['240 | 2 sources | en, id', 'Less than 300 | 1 source | de', 'More than 240 | 1 source | en']);
    // Each source is cited by name, linking to its page.
    await expect(duration.locator('li.alternative').filter({ hasText: 'Less than 300' }).locator('cite.source a').getAttribute('href')).resolves.toBe('#/entity/junge-welt-2022-01-afp-nrc');

    const place = page.locator('section.claims li.claim-group[data-group="place"]');
    await expect(place.locator('.claim-disputed').count()).resolves.toBe(0);
    expect(await alternatives(page, 'place')).toEqual(['Brussels | 1 source | id']);
    await expect(place.locator('cite.source a').getAttribute('href')).resolves.toBe('#/entity/liputan6-2022-01-14-nrc');

    // The README's picture: the panel's first screenful (docs/images/dashboard-fact-claims.png is this file).
    const box = (await page.locator('section.claims').boundingBox())!;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'fact-claims.png'), fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 16), width: 1280, height: 720 } });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the Russia-OSCE talks show PLANNED from the Indonesian report beside TASS’s account of them held', async () => {
    const page = await dash.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.api.url}/#/entity/russia-osce-talks-2022-01-13`);
    await shown(page, 'section.claims');
    expect((await alternatives(page, 'status')).sort()).toEqual(['Established | 1 source | en', 'Planned | 1 source | id']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
