/**
 * `npm run screenshots [-- --url URL] [--out DIR]`: the README's screenshots of the
 * dashboard, taken at 1440x900 with Debian's Chromium (/usr/bin/chromium, through
 * playwright-core) from a running server (`npm run up`; default: HOST and PORT of the
 * configuration). Writes DIR/dashboard-*.png (default docs/images). Exit codes: 0 ok,
 * 1 runtime error (server or browser missing), 2 usage.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../config.js';
import { cliProgram, loadConfigOrExit, parseArgs } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const CHROMIUM = '/usr/bin/chromium';

/** One screenshot: a view, what shows it is ready, and what to do before the picture. */
interface Shot {
  file: string;
  route: string;
  ready: string;
  before?: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  { file: 'dashboard-actor.png', route: '?lang=en#/actor/russia', ready: 'figure.graph canvas' },
  // The display language (docs/dashboard.md): names in Indonesian where the graph has them, the others marked with their language.
  { file: 'dashboard-actor-indonesian.png', route: '?lang=id#/actor/russia', ready: 'figure.graph canvas' },
  {
    file: 'dashboard-positions.png',
    route: '#/positions?cell=germany~demand-nato-stop-enlargement',
    ready: 'table.matrix',
    // The selected cell, focused: its explanation shows beside it.
    before: async (page) => {
      await page.locator('.asof-note').scrollIntoViewIfNeeded();
      await page.locator('tr[data-actor="germany"] td[data-column="demand-nato-stop-enlargement"]').focus();
    },
  },
  {
    file: 'dashboard-positions-over-time.png',
    route: '#/positions?demand=demand-nato-stop-enlargement',
    ready: 'svg[data-chart="positions-over-time"]',
    before: (page) => page.locator('figure.chart').scrollIntoViewIfNeeded(),
  },
  {
    file: 'dashboard-positions-issues.png',
    route: '#/positions?axis=issue',
    ready: 'table.matrix',
    // Scrolled right and down: the actor column and the header stay.
    before: async (page) => {
      await page.locator('.matrix-scroll').scrollIntoViewIfNeeded();
      await page.locator('.matrix-scroll').evaluate((el) => (el as unknown as { scrollBy(x: number, y: number): void }).scrollBy(600, 300));
    },
  },
  { file: 'dashboard-timeline.png', route: '#/timeline?actor=russia&from=2021-10&to=2022-01&group=issue', ready: 'svg[data-chart="timeline"]' },
  { file: 'dashboard-paths.png', route: '#/paths?from=jens-stoltenberg&to=alexander-grushko', ready: 'ol.path-list' },
  { file: 'dashboard-demand.png', route: '#/demand/demand-nato-stop-enlargement', ready: 'section.response-group' },
  // Who says what (issue 16): the meeting's duration disputed, each alternative with its sources and languages.
  {
    file: 'dashboard-fact-claims.png',
    route: '?lang=en#/entity/nrc-meeting-2022-01-12',
    ready: 'section.claims',
    before: async (page) => {
      await page.locator('section.claims').scrollIntoViewIfNeeded();
    },
  },
];

const program = cliProgram('screenshots', 'Take the README screenshots of the dashboard (1440x900) from a running server.')
  .option('--url <url>', 'the running server (default: http://HOST:PORT from the configuration)')
  .option('--out <dir>', 'where to write the PNG files', path.join(projectRoot, 'docs', 'images'));

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const opts = program.opts<{ url?: string; out: string }>();
  const config = loadConfigOrExit();
  const base = (opts.url ?? `http://${config.http.host}:${config.http.port}`).replace(/\/$/, '');
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`screenshots: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
    return ExitCode.RUNTIME_ERROR;
  }
  const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
  if (!ready) {
    process.stderr.write(`screenshots: no ready server at ${base} (start it with npm run up, or give --url)\n`);
    return ExitCode.RUNTIME_ERROR;
  }
  mkdirSync(opts.out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    for (const shot of shots) {
      // A fresh page each time: a first load starts at the top, with no focus ring on the heading.
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${base}/${shot.route}`);
      await page.locator(shot.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]') === null);
      await shot.before?.(page);
      // Let the drawing settle (cytoscape renders on animation frames).
      await page.waitForTimeout(500);
      const file = path.join(opts.out, shot.file);
      await page.screenshot({ path: file });
      process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return ExitCode.OK;
}

process.exitCode = await main();
