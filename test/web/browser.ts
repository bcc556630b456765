/**
 * What the browser tests share: an up-to-date build of web/dist, the real server over
 * the seeded test Neo4j, Debian's Chromium driven by playwright-core (never a
 * downloaded browser), and screenshots in test-results/screenshots.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { startTestServer, testConfig, type TestServer } from '../server/harness.js';
import { openTestDriver, testDatabase } from '../setup/neo4j.js';

const run = promisify(execFile);

/** Debian's Chromium (apt-get install chromium). */
export const chromiumPath = '/usr/bin/chromium';

/** Where screenshots go (git-ignored through test-results/). */
export const screenshotDir = path.join(projectRoot, 'test-results', 'screenshots');

/** The built dashboard the tests serve. */
export const webDist = path.join(projectRoot, 'web', 'dist');

const hashFile = path.join(webDist, '.build-hash');

/** Every file the build reads from the repository, in a stable order. */
function buildInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (full === webDist || name === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(projectRoot, 'web'));
  walk(path.join(projectRoot, 'docs', 'queries'));
  files.push(path.join(projectRoot, 'package-lock.json'));
  return files;
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of buildInputs()) {
    hash.update(path.relative(projectRoot, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Builds web/dist with Vite unless it is already built from the current sources. */
export async function ensureWebBuild(): Promise<void> {
  const wanted = sourceHash();
  if (existsSync(path.join(webDist, 'index.html')) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === wanted) return;
  await run(path.join(projectRoot, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: projectRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  writeFileSync(hashFile, wanted);
}

/** The real server (real schema, resolvers and context) over the seeded test database, serving web/dist. */
export interface DashboardServer {
  url: string;
  origin: string;
  server: TestServer;
  driver: Driver;
  stop(): Promise<void>;
}

/**
 * Seeds the test database (seeds/, or the files or folders `seedPaths` names), builds
 * the dashboard if needed and starts the server on a free port.
 */
export async function startDashboardServer(options: { seedPaths?: string[] } = {}): Promise<DashboardServer> {
  const driver = openTestDriver();
  const database = testDatabase();
  // reset: exactly the seed files, whatever earlier test files left behind.
  await runSeed(driver, { database, reset: true, paths: options.seedPaths });
  await ensureWebBuild();
  const server = await startTestServer({ config: testConfig({ NEO4J_DATABASE: database, LOG_LEVEL: 'warn' }), driver, webRoot: webDist });
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    server,
    driver,
    async stop() {
      await server.stop();
      await driver.close();
    },
  };
}

/**
 * A headless Chromium with a fresh profile; close() also removes the profile, and
 * throws if any page broke the server's Content-Security-Policy.
 */
export interface TestBrowser {
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Every Content-Security-Policy violation any page (or its workers) reported so far. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** How the in-page listener marks a violation in the console, so the test side can pick it out. */
const cspMarker = '[csp-violation]';

/**
 * Runs in every page before its own scripts (injected by the browser, so the policy
 * does not apply to it): reports each securitypolicyviolation event on the console.
 */
const reportCspViolations = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error(${JSON.stringify(cspMarker)} + ' ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' in ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber);
});`;

/** True for a console message about the Content-Security-Policy: Chromium's own, or our listener's. */
function isCspMessage(text: string): boolean {
  return text.startsWith(cspMarker) || /Content Security Policy/i.test(text);
}

/** Launches Debian's Chromium headless, offline apart from what the tests allow. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(chromiumPath)) throw new Error(`browser tests need Chromium at ${chromiumPath}: apt-get install -y chromium`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'diplograph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const cspViolations: string[] = [];
  await context.addInitScript({ content: reportCspViolations });
  const watch = (page: Page): void => {
    page.on('console', (msg) => {
      if (isCspMessage(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
    });
    // Editor workers log their own violations on their own console.
    page.on('worker', (worker) => worker.on('console', (msg) => {
      if (isCspMessage(msg.text())) cspViolations.push(`${worker.url()}: ${msg.text()}`);
    }));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    cspViolations,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (cspViolations.length > 0) throw new Error(`the pages broke the Content-Security-Policy:\n${cspViolations.join('\n')}`);
    },
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** One accessibility rule broken on a page, as axe-core reports it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (bundled from npm, injected into the page) against WCAG 2.1 A and AA
 * and returns the serious and critical violations.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the browser, not added as a <script> tag, which the page's policy would refuse.
  await page.evaluate(readFileSync(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Errors thrown in the page (uncaught), collected for assertions. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** The dashboard server and a browser a test file shares, set before its tests run. */
export interface DashboardSession {
  api: DashboardServer;
  browser: TestBrowser;
}

/**
 * Starts the dashboard server and a browser before the file's tests and closes both after
 * them (call at the top level of the file); the returned session's fields are set by then.
 */
export function withDashboard(options: Parameters<typeof startDashboardServer>[0] = {}): DashboardSession {
  const session = {} as DashboardSession;
  beforeAll(async () => {
    session.api = await startDashboardServer(options);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.api?.stop();
  });
  return session;
}
