/**
 * The dashboard for an analyst's daily work (issue 19), in a real browser against the
 * real server over the seeded Neo4j: human language everywhere, drawings with labels
 * that do not collide, a matrix that stays usable when wide, exports that parse, a
 * citation on the clipboard, links that reopen the same view, and "as of" dates that
 * fit the data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { testDatabase } from '../setup/neo4j.js';
import { collectPageErrors, launchBrowser, screenshot, startDashboardServer, type DashboardServer, type TestBrowser } from './browser.js';

let api: DashboardServer;
let browser: TestBrowser;
let enumValues: string[];
let seededIds: string[];

beforeAll(async () => {
  api = await startDashboardServer();
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.origin });
  const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
  enumValues = Object.values(schema.getTypeMap())
    .filter((t) => isEnumType(t) && !t.name.startsWith('__'))
    .flatMap((t) => (isEnumType(t) ? t.getValues().map((v) => v.name) : []));
  // Ids that are also words of the data itself (the issue `de-escalation` in a gloss) are not evidence of a leak.
  const { records } = await api.driver.executeQuery(
    `MATCH (n) WHERE n.id IS NOT NULL
     WITH DISTINCT n.id AS id
     WHERE NOT EXISTS { MATCH (m) WHERE any(k IN ['label', 'gloss', 'text', 'summaryAll', 'descriptionAll', 'nameAll', 'titleAll'] WHERE m[k] =~ ('(?s).*(?<![\\w-])' + id + '(?![\\w-]).*')) }
     RETURN id`,
    {},
    { database: testDatabase() },
  );
  seededIds = records.map((r) => String(r.get('id')));
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

type Doc = { querySelector(s: string): Element | null };
interface Element {
  innerText: string;
  cloneNode(deep: boolean): Element;
  querySelectorAll(s: string): { forEach(f: (e: Element) => void): void };
  remove(): void;
  textContent: string | null;
  previousElementSibling: Element | null;
}

/** Waits for `selector`, failing at once with the error's text if the view shows an error. */
async function shown(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}, .state-error`).first().waitFor();
  if ((await page.locator(selector).count()) === 0) throw new Error(`the page shows an error instead of ${selector}: ${await page.locator('.state-error').first().innerText()}`);
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { document: Doc }).document.querySelector('[aria-busy="true"]') === null);
}

/** The visible text of the view, without analysts' notes (free text that may name an id on purpose). */
async function viewText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = (globalThis as unknown as { document: Doc }).document.querySelector('#view')!;
    const notes: Element[] = [];
    main.querySelectorAll('.note, dd').forEach((el) => {
      if (el.previousElementSibling?.textContent === 'Note' || (el as unknown as { classList: { contains(c: string): boolean } }).classList.contains('note')) notes.push(el);
    });
    const hidden = notes.map((n) => [n, (n as unknown as { style: { display: string } }).style.display] as const);
    hidden.forEach(([n]) => ((n as unknown as { style: { display: string } }).style.display = 'none'));
    const text = main.innerText;
    hidden.forEach(([n, d]) => ((n as unknown as { style: { display: string } }).style.display = d));
    return text;
  });
}

/** Whole-word occurrences of any of `words` in `text`, case-sensitive (ids may contain hyphens). */
function rawWords(text: string, words: readonly string[]): string[] {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return words.filter((w) => new RegExp(`(?<![\\w-])${escape(w)}(?![\\w-])`).test(text));
}

async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
}

/** Parses SVG text in the page: the root element's name, and a parser error if any. */
async function parseSvg(page: Page, text: string): Promise<{ root: string; error: string | null; text: string }> {
  return page.evaluate((t) => {
    const doc = new (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): { documentElement: { nodeName: string; textContent: string }; querySelector(s: string): { textContent: string } | null } } }).DOMParser().parseFromString(t, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror')?.textContent ?? null, text: doc.documentElement.textContent };
  }, text);
}

/** A CSV file's rows (RFC 4180 quoting). */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the dashboard speaks the reader’s language', () => {
  it.each([
    ['overview', '#/', 'section[aria-labelledby="home-demands"] .card'],
    ['search', '#/search?q=Rusia', 'li.hit'],
    ['actor', '#/actor/russia', 'figure.graph'],
    ['demand thread', '#/demand/demand-nato-stop-enlargement', 'section.response-group'],
    ['positions by demand', '#/positions', 'table.matrix'],
    ['positions by issue', '#/positions?axis=issue', 'table.matrix'],
    ['timeline', '#/timeline?actor=russia', 'ol.timeline'],
    ['path finder', '#/paths?from=jens-stoltenberg&to=alexander-grushko', 'ol.path-list'],
    ['stance', '#/entity/stance-nato-rejects-stop-enlargement', 'figure.quote'],
    ['event', '#/entity/nrc-meeting-2022-01-12', 'dl.facts'],
  ])('the %s view shows no raw enum value and no id as text', async (_name, route, ready) => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/${route}`);
    await shown(page, ready);
    await settled(page);
    const text = await viewText(page);
    expect(text.length).toBeGreaterThan(200);
    expect(rawWords(text, enumValues)).toEqual([]);
    expect(rawWords(text, seededIds)).toEqual([]);
    await page.close();
  });

  it('writes dates with their precision and relationships in words', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/#/demand/demand-nato-stop-enlargement`);
    await shown(page, 'section.response-group');
    await expect(page.locator('section[aria-label="The demand"] dl.facts').innerText()).resolves.toContain('December 2021');
    await page.goto(`${api.url}/#/paths?from=jens-stoltenberg&to=alexander-grushko`);
    await shown(page, 'ol.path-list');
    await expect(page.locator('ol.path-list li.path').first().innerText()).resolves.toMatch(/took part in as chair/);
    await page.close();
  });
});

describe('drawings are readable', () => {
  it('draws Russia’s network with no two visible labels overlapping at the default zoom, large groups counted', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/#/actor/russia`);
    await shown(page, 'figure.graph');
    await page.waitForFunction(() => Boolean((globalThis as { __diplograph?: { graphs: Record<string, unknown> } }).__diplograph?.graphs.neighbourhood));
    const drawn = await page.evaluate(() => (globalThis as unknown as { __diplograph: { graphs: Record<string, () => { labels: { id: string; x1: number; y1: number; x2: number; y2: number }[]; nodes: { id: string; label: string }[] }> } }).__diplograph.graphs.neighbourhood!());
    expect(drawn.labels.length).toBeGreaterThanOrEqual(8);
    const overlapping = drawn.labels.flatMap((a, i) => drawn.labels.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => `${a.id} × ${b.id}`));
    expect(overlapping).toEqual([]);
    // Russia's 46 neighbours are too many to draw one by one: leaves of one kind are grouped with their count.
    expect(drawn.nodes.some((n) => /^\d+ [A-Z][a-z]+s$/.test(n.label))).toBe(true);
    // Zooming in (keyboard: focus the drawing, then +) makes room: more names show, still apart.
    await page.locator('.graph-canvas').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    type Drawn = { labels: { id: string; x1: number; y1: number; x2: number; y2: number }[]; zoom: number };
    const read = (): Promise<Drawn> => page.evaluate(() => (globalThis as unknown as { __diplograph: { graphs: Record<string, () => Drawn> } }).__diplograph.graphs.neighbourhood!());
    const atDefault = drawn.labels.map((l) => l.id);
    await expect.poll(async () => (await read()).labels.filter((l) => !atDefault.includes(l.id)).length).toBeGreaterThan(0);
    const zoomed = await read();
    // Only labels inside the canvas count: zoomed in, some are off screen.
    const canvas = (await page.locator('.graph-canvas').boundingBox())!;
    const inside = zoomed.labels.filter((l) => l.x2 > 0 && l.y2 > 0 && l.x1 < canvas.width && l.y1 < canvas.height);
    expect(inside.flatMap((a, i) => inside.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => `${a.id} × ${b.id}`))).toEqual([]);
    await screenshot(page, 'a1-actor-russia-network');
    // By keyboard too, the groups open: Tab to "show every entity", Enter; no group is left.
    await page.locator('.show-all-groups').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.evaluate(() => (globalThis as unknown as { __diplograph: { graphs: Record<string, () => { nodes: { label: string }[] }> } }).__diplograph.graphs.neighbourhood!())).nodes.some((n) => /^\d+ [A-Z][a-z]+s$/.test(n.label))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('wide and long views', () => {
  it('keeps the actor column and the header in view while the matrix scrolls', async () => {
    const page = await browser.newPage({ width: 1024, height: 768 });
    await page.goto(`${api.url}/#/positions?axis=issue`);
    await shown(page, 'table.matrix');
    const scroller = page.locator('.matrix-scroll');
    const overflow = await scroller.evaluate((el) => (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth - (el as unknown as { clientWidth: number }).clientWidth);
    expect(overflow).toBeGreaterThan(200);
    // The grid scrolls in its box; the page itself does not scroll sideways.
    const pageOverflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return doc.scrollWidth - doc.clientWidth;
    });
    expect(pageOverflow).toBeLessThanOrEqual(0);
    await scroller.evaluate((el) => {
      const box = el as unknown as { scrollLeft: number; scrollTop: number; scrollWidth: number; scrollHeight: number };
      box.scrollLeft = box.scrollWidth;
      box.scrollTop = box.scrollHeight;
    });
    const box = (await scroller.boundingBox())!;
    const lastRowHead = page.locator('table.matrix tbody tr').last().locator('th.row-head');
    const head = (await lastRowHead.boundingBox())!;
    expect(head.x).toBeGreaterThanOrEqual(box.x - 1);
    expect(head.x).toBeLessThan(box.x + 20);
    // Nothing covers it: the point at its centre belongs to the row header.
    const onTop = await page.evaluate(({ x, y }) => (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null } }).document.elementFromPoint(x, y)?.closest('th.row-head') !== null, { x: head.x + 10, y: head.y + head.height / 2 });
    expect(onTop).toBe(true);
    const colHead = (await page.locator('table.matrix thead th.col-head').last().boundingBox())!;
    expect(colHead.y).toBeGreaterThanOrEqual(box.y - 1);
    expect(colHead.y).toBeLessThan(box.y + 80);
    await screenshot(page, 'a2-matrix-scrolled');
    await page.close();
  });

  it('groups demands under their issue and filters by actor kind and organisation from the URL', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/positions?kind=ALLIANCE`);
    await shown(page, 'table.matrix');
    await expect(page.locator('table.matrix th.group-head').allInnerTexts()).resolves.toContain('NATO enlargement');
    await expect(page.locator('table.matrix tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { actor: string } }).dataset.actor))).resolves.toEqual(['nato']);
    await expect(page.getByLabel('Actor kind').inputValue()).resolves.toBe('ALLIANCE');
    await page.goto(`${api.url}/#/positions?org=nato&derived=0`);
    await shown(page, 'table.matrix');
    // Stated positions only, among NATO and its members: NATO's own.
    await expect(page.locator('table.matrix tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('td[data-derived="true"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('opens the actor page with a summary first and long sections collapsed', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/actor/nato`);
    await shown(page, 'section[aria-label="Summary"]');
    await expect(page.locator('section[aria-label="Summary"]').innerText()).resolves.toMatch(/members/);
    const members = page.locator('section[aria-label^="Members"] details');
    await expect(members.evaluate((d) => (d as unknown as { open: boolean }).open)).resolves.toBe(false);
    await members.locator('summary').click();
    await expect(members.getByRole('link', { name: 'Germany' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('phone width', () => {
  it.each([
    ['positions', '#/positions?demand=demand-nato-stop-enlargement', 'table.matrix'],
    ['actor', '#/actor/russia', 'figure.graph'],
    ['timeline', '#/timeline?actor=russia', 'svg[data-chart="timeline"]'],
    ['path finder', '#/paths?from=jens-stoltenberg&to=alexander-grushko', 'ol.path-list'],
  ])('the %s view needs no sideways scrolling of the page', async (_name, route, ready) => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${api.url}/${route}`);
    await shown(page, ready);
    await settled(page);
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return doc.scrollWidth - doc.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('time', () => {
  it('defaults "as of" to the latest position, says so, and moves through time with the slider', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/positions?demand=demand-nato-stop-enlargement`);
    await shown(page, 'table.matrix');
    await expect(page.locator('.asof-note').innerText()).resolves.toMatch(/^As of 12 January 2022 — the date of the latest position/);
    await expect(page.locator('tr[data-actor="germany"]').count()).resolves.toBe(1);
    // Positions over time: a chart with a span per actor, drawn on a date axis.
    await expect(page.locator('svg[data-chart="positions-over-time"] rect[data-start]').count()).resolves.toBeGreaterThan(20);
    await screenshot(page, 'a3-positions-over-time');

    const slider = page.getByRole('slider', { name: 'Move through time' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url()).toContain('asOf=2021-12-31');
    await page.locator('.asof-note', { hasText: '31 December 2021' }).waitFor();
    // Before the allies answered, only Russia (which made the demand) holds a position.
    await expect(page.locator('table.matrix tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { actor: string } }).dataset.actor))).resolves.toEqual(['russia']);
    await expect(page.locator('.asof-note').innerText()).resolves.toContain('the date chosen');
    await page.close();
  });

  it('shows the demand’s status as of its latest response, and says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/#/demand/demand-nato-stop-enlargement`);
    await shown(page, '#demand-status');
    await expect(page.locator('section[aria-labelledby="demand-status"] .asof-note').innerText()).resolves.toMatch(/^As of 12 January 2022 — the date of the latest response/);
    await page.close();
  });

  it('draws the timeline on a date axis, months as month-wide spans', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/timeline?actor=russia&group=issue`);
    await shown(page, 'svg[data-chart="timeline"]');
    const spans = await page.locator('svg[data-chart="timeline"] rect[data-start]').evaluateAll((rects) => rects.map((r) => ({ start: (r as unknown as { dataset: { start: string } }).dataset.start, end: (r as unknown as { dataset: { end: string } }).dataset.end })));
    expect(spans.length).toBeGreaterThan(5);
    expect(spans).toContainEqual({ start: '2021-10-01', end: '2021-10-31' });
    await expect(page.getByLabel('Chart rows by').inputValue()).resolves.toBe('issue');
    await screenshot(page, 'a4-timeline-chart');
    await page.close();
  });
});

describe('out of the screen', () => {
  it('exports the matrix as CSV, the network and the chart as SVG and PNG', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/positions?demand=demand-nato-stop-enlargement`);
    await shown(page, 'table.matrix');
    const csv = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toBe('positions-2022-01-12.csv');
    const rows = csvRows(csv.bytes);
    expect(rows[0]).toEqual(['Actor', 'Actor kind', 'NATO should stop admitting new members.']);
    expect(rows).toContainEqual(['Germany', 'State', 'Rejects (inherited)']);
    expect(rows).toContainEqual(['North Atlantic Treaty Organization', 'Alliance', 'Rejects']);

    const chart = page.locator('figure.chart');
    const chartSvg = await download(page, () => chart.getByRole('button', { name: 'Download SVG' }).click());
    const parsedChart = await parseSvg(page, chartSvg.bytes.toString('utf8'));
    expect(parsedChart).toMatchObject({ root: 'svg', error: null });
    expect(parsedChart.text).toContain('Germany');
    const chartPng = await download(page, () => chart.getByRole('button', { name: 'Download PNG' }).click());
    expect(chartPng.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);

    await page.goto(`${api.url}/#/actor/russia`);
    await shown(page, 'figure.graph');
    await page.waitForFunction(() => Boolean((globalThis as { __diplograph?: { graphs: Record<string, unknown> } }).__diplograph?.graphs.neighbourhood));
    const graph = page.locator('figure.graph');
    const graphSvg = await download(page, () => graph.getByRole('button', { name: 'Download SVG' }).click());
    const parsedGraph = await parseSvg(page, graphSvg.bytes.toString('utf8'));
    expect(parsedGraph).toMatchObject({ root: 'svg', error: null });
    expect(parsedGraph.text).toContain('Russia');
    const graphPng = await download(page, () => graph.getByRole('button', { name: 'Download PNG' }).click());
    expect(graphPng.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(graphPng.bytes.length).toBeGreaterThan(5000);
    await page.close();
  });

  it('cites the quote and source behind a matrix cell, and behind a path', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/positions?demand=demand-nato-stop-enlargement&cell=germany~demand-nato-stop-enlargement`);
    await shown(page, 'table.matrix');
    await expect(page.locator('tr[data-actor="germany"] td[data-column="demand-nato-stop-enlargement"]').getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Cite selected cell' }).click();
    await page.locator('.toolbar-status', { hasText: 'Citation copied' }).waitFor();
    const cell = await clipboard(page);
    expect(cell).toMatch(/^Germany inherits “rejects” from North Atlantic Treaty Organization/);
    expect(cell).toContain('Sekutu NATO menolak tuntutan itu.');
    expect(cell).toMatch(/Sources:\n\[1\] /);

    await page.goto(`${api.url}/#/paths?from=jens-stoltenberg&to=alexander-grushko`);
    await shown(page, 'ol.path-list');
    await page.getByRole('button', { name: 'Cite the first path' }).click();
    await page.locator('.toolbar-status', { hasText: 'Citation copied' }).waitFor();
    const cited = await clipboard(page);
    expect(cited).toMatch(/^Jens Stoltenberg —took part in as chair→ NATO-Russia Council meeting/);
    expect(cited).toContain('Sources:');
    await page.close();
  });

  it('copies a link that reopens the same view: filters, date and selection', async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await page.goto(`${api.url}/#/positions?demand=demand-nato-stop-enlargement`);
    await shown(page, 'table.matrix');
    // Filters through the form, the date through the slider, the selection with the keyboard.
    await page.getByLabel('Actor kind').selectOption('STATE');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.url()).toContain('kind=STATE');
    await page.locator('tr[data-actor="germany"]').waitFor();
    await page.locator('tr[data-actor="germany"] td[data-column="demand-nato-stop-enlargement"]').focus();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.toolbar-status', { hasText: 'Link copied' }).waitFor();
    const link = decodeURIComponent(await clipboard(page));
    expect(link).toContain('cell=germany~demand-nato-stop-enlargement');
    const before = await page.locator('table.matrix tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { actor: string } }).dataset.actor));

    const again = await browser.newPage({ width: 1440, height: 900 });
    await again.goto(link);
    await shown(again, 'table.matrix');
    await expect(again.getByLabel('Actor kind').inputValue()).resolves.toBe('STATE');
    await expect(again.locator('table.matrix tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { actor: string } }).dataset.actor))).resolves.toEqual(before);
    await expect(again.locator('tr[data-actor="germany"] td[data-column="demand-nato-stop-enlargement"]').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(again.locator('.asof-note').innerText()).resolves.toBe(await page.locator('.asof-note').innerText());
    await again.close();

    // The network's settings too.
    await page.goto(`${api.url}/#/actor/nato`);
    await shown(page, 'figure.graph');
    await page.getByLabel('Sources').check();
    await page.getByRole('button', { name: 'Copy link' }).first().click();
    await page.locator('.toolbar-status', { hasText: 'Link copied' }).waitFor();
    const actorLink = await clipboard(page);
    expect(actorLink).toMatch(/#\/actor\/nato\?sources=1$/);
    const third = await browser.newPage();
    await third.goto(actorLink);
    await shown(third, 'figure.graph');
    await expect(third.getByLabel('Sources').isChecked()).resolves.toBe(true);
    await third.close();
    await page.close();
  });
});
