/**
 * The facts of a kind without a hand-made page, shown from the model (docs/decisions/0039),
 * in a real browser against the real server over the seeded Neo4j: a report's page lists
 * every field the model gives reports, each reference a link to its page and each enum
 * value and language in words. Accessible (axe) and within the Content Security Policy.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, collectPageErrors, withDashboard } from './browser.js';

const dash = withDashboard();

describe('a report’s page, from the model', () => {
  it('shows its fact, source, relay, mode, words, language and speaker, the references as links', async () => {
    const page = await dash.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${dash.api.url}/?lang=en#/entity/rep-pledge-grushko-no-positive-agenda`);
    await page.locator('section[aria-label="Details"], .state-error').first().waitFor();
    if ((await page.locator('.state-error').count()) > 0) throw new Error(`the page shows an error: ${await page.locator('.state-error').first().innerText()}`);
    const details = page.locator('section[aria-label="Details"] dl.facts').first();
    await expect(page.locator('h1').innerText()).resolves.toContain('Report');
    const rows: Record<string, { text: string; links: string[] }> = {};
    const terms = details.locator(':scope > dt');
    const values = details.locator(':scope > dd');
    for (let i = 0; i < (await terms.count()); i++) {
      const dd = values.nth(i);
      const links = dd.locator('a');
      const hrefs: string[] = [];
      for (let j = 0; j < (await links.count()); j++) hrefs.push((await links.nth(j).getAttribute('href'))!);
      rows[await terms.nth(i).innerText()] = { text: await dd.innerText(), links: hrefs };
    }
    expect(Object.keys(rows)).toEqual(['Kind', 'Of the fact', 'Source', 'Relayed by', 'Mode', 'Text', 'Language', 'Speaker']);
    expect(rows['Kind']!.text).toBe('Report');
    expect(rows['Of the fact']!.links).toEqual(['#/entity/stmt-grushko-no-positive-agenda']);
    expect(rows['Source']!.links).toEqual(['#/entity/pledge-times-2022-01-13-ria-grushko']);
    expect(rows['Relayed by']!.links).toEqual(['#/entity/ria-novosti-2022-01-12-grushko']);
    expect(rows['Mode']!.text).toBe('Direct quote');
    expect(rows['Text']!.text).toBe('To date, we do not have a unifying positive agenda.');
    expect(rows['Language']!.text).toBe('English');
    expect(rows['Speaker']!.links).toEqual(['#/actor/alexander-grushko']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
