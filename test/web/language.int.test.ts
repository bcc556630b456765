/**
 * The reader's display language (issue 15, dashboard part; issue 19: the language in
 * the address), in a real browser against the real server over the seeded Neo4j. The
 * seeds give Russia no Russian name, so the test seeds a copy of seeds/ where it has
 * one ("Россия"), plus a source and a speaker labelled only in Russian
 * (test/web/fixtures/russian-only.yaml).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { projectRoot } from '../../src/config.js';
import { axeViolations, collectPageErrors, launchBrowser, screenshot, startDashboardServer, type DashboardServer, type TestBrowser } from './browser.js';

let api: DashboardServer;
let browser: TestBrowser;
let seedDir: string;

/** A copy of seeds/ in which Russia also has its Russian name, and the Russian-only fixture beside it. */
function seedsWithRussian(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'diplograph-lang-seeds-'));
  cpSync(path.join(projectRoot, 'seeds'), dir, { recursive: true });
  const file = path.join(dir, 'nrc-2022-01-12.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const actors = doc.get('actors');
  if (!isSeq(actors)) throw new Error(`${file}: no actors list`);
  const russia = actors.items.find((a) => isMap(a) && a.get('id') === 'russia');
  const name = isMap(russia) ? russia.get('name') : undefined;
  if (!isMap(name)) throw new Error(`${file}: russia has no localized name`);
  name.set('ru', 'Россия');
  writeFileSync(file, doc.toString());
  cpSync(path.join(projectRoot, 'test', 'web', 'fixtures', 'russian-only.yaml'), path.join(dir, 'russian-only.yaml'));
  return dir;
}

beforeAll(async () => {
  seedDir = seedsWithRussian();
  api = await startDashboardServer({ seedPaths: [seedDir] });
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.origin });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (seedDir) rmSync(seedDir, { recursive: true, force: true });
});

/** A page whose browser prefers these languages (navigator.languages), as a reader's settings would. */
async function pageWithLanguages(languages: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(`Object.defineProperty(navigator, 'languages', { get: () => ${JSON.stringify(languages)} }); Object.defineProperty(navigator, 'language', { get: () => ${JSON.stringify(languages[0])} });`);
  return page;
}

/** What "Copy link" put on the clipboard. */
function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
}

/** The heading's text in the given language, once the view has loaded. */
const headingText = (page: Page, lang: string) => page.locator(`h1 [lang="${lang}"]`).first();

describe('the display language', () => {
  it('puts lang=ru in the address when Русский is chosen, shows Russia’s Russian name, and keeps the language across links', async () => {
    const page = await pageWithLanguages(['en-US', 'en']);
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/actor/russia`);
    await expect.poll(() => headingText(page, 'en').textContent()).toBe('Russia');
    await expect.poll(() => page.locator('#header-lang').inputValue()).toBe('en');

    // By keyboard, as a reader without a mouse would.
    await page.locator('#header-lang').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('id');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('ru');
    expect(new URL(page.url()).hash).toBe('#/actor/russia');
    await expect.poll(() => headingText(page, 'ru').textContent()).toBe('Россия');
    // In the display language: no mark on it.
    expect(await page.locator('h1 .lang-mark').count()).toBe(0);
    // The chooser keeps the focus the reader gave it.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('header-lang');

    // Every link of the view keeps the language: follow one.
    await page.locator('a', { hasText: 'Find paths from here' }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/paths/);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ru');
    await screenshot(page, 'language-ru-paths');

    // Back returns to the actor, still in Russian.
    await page.goBack();
    await expect.poll(() => headingText(page, 'ru').textContent()).toBe('Россия');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a name with no Russian text in its fallback language, marked and with its lang attribute', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/?lang=ru#/actor/nato`);
    await expect.poll(() => headingText(page, 'en').textContent()).toBe('North Atlantic Treaty Organization');
    const mark = page.locator('h1 .lang-mark');
    expect(await mark.getAttribute('title')).toBe('English: no Russian name recorded');
    expect(await mark.locator('[aria-hidden="true"]').textContent()).toBe('EN');
    expect(await mark.isVisible()).toBe(true);
    // A member's link: Russia-speaking readers see NATO's English-named members marked too.
    const memberLinks = page.locator('a[lang="en"] + .lang-mark, a[lang="en"] ~ .lang-mark');
    expect(await memberLinks.count()).toBeGreaterThan(0);
    await screenshot(page, 'language-ru-fallback');
    await page.close();
  });

  it('reproduces the language from the address on reload and in a fresh page, whatever the browser prefers', async () => {
    const page = await pageWithLanguages(['id-ID', 'id']);
    await page.goto(`${api.url}/?lang=ru#/actor/russia`);
    await expect.poll(() => headingText(page, 'ru').textContent()).toBe('Россия');
    await page.reload();
    await expect.poll(() => headingText(page, 'ru').textContent()).toBe('Россия');
    expect(await page.locator('#header-lang').inputValue()).toBe('ru');

    // "Copy link" carries the language; a fresh page opens it in Russian.
    await page.locator('button', { hasText: 'Copy link' }).first().click();
    const copied = await clipboard(page);
    expect(new URL(copied).searchParams.get('lang')).toBe('ru');
    const fresh = await pageWithLanguages(['en']);
    await fresh.goto(copied);
    await expect.poll(() => headingText(fresh, 'ru').textContent()).toBe('Россия');
    await fresh.close();
    await page.close();
  });

  it('takes the browser’s preferred language when the address names none, and writes it into a copied link', async () => {
    const page = await pageWithLanguages(['id-ID', 'en']);
    await page.goto(`${api.url}/#/actor/russia`);
    await expect.poll(() => headingText(page, 'id').textContent()).toBe('Rusia');
    expect(await page.locator('#header-lang').inputValue()).toBe('id');
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    await page.locator('button', { hasText: 'Copy link' }).first().click();
    expect(new URL(await clipboard(page)).searchParams.get('lang')).toBe('id');
    await page.close();
  });

  it('lists every language of a name in the facts, each with its tag', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/?lang=en#/actor/russia`);
    const names = page.locator('dl.facts dt:text-is("Names") + dd li');
    await expect.poll(() => names.count()).toBe(3);
    const rows = await names.evaluateAll((lis) => lis.map((li) => [li.querySelector('[lang]')?.getAttribute('lang'), li.querySelector('[lang]')?.textContent, li.querySelector('.lang-mark [aria-hidden]')?.textContent]));
    expect(rows).toEqual([
      ['en', 'Russia', 'EN'],
      ['id', 'Rusia', 'ID'],
      ['ru', 'Россия', 'RU'],
    ]);
    // The old fixed row is gone.
    expect(await page.locator('dl.facts dt:text-is("Indonesian name")').count()).toBe(0);
    await page.close();
  });

  it('shows a source labelled only in Russian with its title marked ru in an English display, in its view and in search', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/?lang=en#/entity/fixture-ru-only-statement`);
    await expect.poll(() => headingText(page, 'ru').textContent()).toBe('Заявление о гарантиях безопасности (тестовый источник)');
    expect(await page.locator('h1 .lang-mark').getAttribute('title')).toBe('Russian: no English title recorded');
    expect(await page.locator('h1 .lang-mark [aria-hidden]').textContent()).toBe('RU');
    expect(await page.locator('dl.facts dt:text-is("Language") + dd').textContent()).toBe('Russian');
    await screenshot(page, 'language-ru-only-source');

    // Found by a Russian word in another form ("гарантия" for "гарантиях"), listed marked.
    await page.goto(`${api.url}/?lang=en#/search?q=${encodeURIComponent('гарантия безопасности')}`);
    const hit = page.locator('.hit[data-id="fixture-ru-only-statement"] .hit-title');
    await hit.waitFor();
    expect(await hit.getAttribute('lang')).toBe('ru');
    expect(await page.locator('.hit[data-id="fixture-ru-only-statement"] .lang-mark').getAttribute('title')).toBe('Russian: no English title recorded');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a quote’s words with their language and keeps the English gloss', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/?lang=en#/entity/fixture-ru-only-stmt`);
    const quote = page.locator('figure.quote').first();
    await quote.waitFor();
    expect(await quote.locator('blockquote').getAttribute('lang')).toBe('ru');
    expect(await quote.locator('blockquote .lang-mark').getAttribute('title')).toBe('Russian: the words as reported');
    expect(await quote.locator('.quote-gloss').getAttribute('lang')).toBe('en');
    expect(await quote.locator('.quote-gloss').textContent()).toContain('We are waiting for a written answer');
    // The speaker, named only in Russian, is linked in Russian and marked.
    const speaker = quote.locator('figcaption a[lang="ru"]').first();
    expect(await speaker.textContent()).toBe('Официальный представитель (тестовый)');
    expect(await quote.locator('figcaption cite a[lang="ru"]').textContent()).toBe('Заявление о гарантиях безопасности (тестовый источник)');
    await page.close();
  });

  it('asks every view for its labels in the display language: the matrix, a demand’s issues, the timeline', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/?lang=ru#/positions`);
    await expect.poll(() => page.locator('tr[data-actor="russia"] th').first().textContent(), { timeout: 30_000 }).toContain('Россия');
    // A row without a Russian name, and the demands' column heads (summaries in English and Indonesian), marked.
    expect(await page.locator('tr[data-actor="germany"] th a').getAttribute('lang')).toBe('en');
    expect(await page.locator('tr[data-actor="germany"] th .lang-mark').getAttribute('title')).toBe('English: no Russian name recorded');
    expect(await page.locator('thead .lang-mark').count()).toBeGreaterThan(0);
    // References to other kinds say their language too: the demand's issues, named in English and Indonesian only.
    await page.goto(`${api.url}/?lang=ru#/demand/demand-nato-stop-enlargement`);
    const issue = page.locator('dl.facts dt:text-is("Issues") + dd a').first();
    await issue.waitFor();
    expect(await issue.getAttribute('lang')).toBe('en');
    expect(await page.locator('dl.facts dt:text-is("Issues") + dd .lang-mark').first().getAttribute('title')).toBe('English: no Russian name recorded');
    await page.goto(`${api.url}/?lang=ru#/timeline?actor=russia`);
    await expect.poll(() => page.locator('.picker input[type="text"], .picker input:not([type])').first().inputValue(), { timeout: 30_000 }).toBe('Россия');
    await page.close();
  });

  it('passes axe (WCAG 2.1 AA) with the chooser and the marks on screen', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/?lang=ru#/actor/nato`);
    await headingText(page, 'en').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
