/**
 * `npm run docker:check`: the image's steps without a Docker engine. Reads the
 * Dockerfile (src/docker/dockerfile.ts) and replays each stage in a clean temporary
 * directory: the COPY lines from the repository (less what .dockerignore keeps out) or
 * from an earlier stage, the RUN lines with the stage's ENV and nothing else of ours
 * (no NODE_ENV, no npm_config_*). Then, against the configured Neo4j (the local one by
 * default), it runs the compose file's one-shot seed command, starts the image's CMD,
 * checks that `/` serves the built dashboard, `/playground/` the playground, `/graphql`
 * answers and redirects browsers, the HEALTHCHECK passes, and that SIGTERM drains and
 * exits 0. What it cannot show: the base image, USER, the compose network, Docker's
 * own signal handling. Exit 0 when every check passed, 1 otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfig, projectRoot } from '../config.js';
import { dockerignore, readDockerfile, type DockerStage } from '../docker/dockerfile.js';
import { homeLayout } from '../local-neo4j/home-layout.js';
import { readPasswordFile } from '../local-neo4j/password.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** A failed check: what was expected, and where. */
class CheckFailed extends Error {}

/** npm's cache for the replay: a copy of ours, so that the image's `npm cache clean` cleans only the copy. */
let npmCache = '';

/** The environment a container starts with: a PATH that finds this node and npm, HOME (npm's registry settings), a private npm cache, nothing of ours. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: os.homedir(), npm_config_cache: npmCache };
  for (const name of ['TMPDIR', 'LANG', 'http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'no_proxy']) {
    const v = process.env[name];
    if (v !== undefined) env[name] = v;
  }
  return env;
}

/** Replays one stage into `root` (the stage's "/"); returns its WORKDIR and ENV. */
function replayStage(stage: DockerStage, root: string, roots: Map<string, string>, ignored: (rel: string) => boolean): { workdir: string; env: Record<string, string> } {
  let workdir = root;
  const env: Record<string, string> = {};
  const inStage = (p: string) => (path.isAbsolute(p) ? path.join(root, p) : path.join(workdir, p));
  for (const step of stage.steps) {
    const where = `Dockerfile:${step.line}`;
    switch (step.kind) {
      case 'WORKDIR':
        workdir = inStage(step.dir);
        fs.mkdirSync(workdir, { recursive: true });
        break;
      case 'ENV':
        Object.assign(env, step.vars);
        break;
      case 'COPY': {
        const fromRoot = step.from === undefined ? undefined : roots.get(step.from);
        if (step.from !== undefined && fromRoot === undefined) throw new CheckFailed(`${where}: no earlier stage named ${step.from}`);
        const dest = inStage(step.dest);
        for (const source of step.sources) {
          const src = fromRoot === undefined ? path.join(projectRoot, source) : path.join(fromRoot, source);
          if (fromRoot === undefined && ignored(source)) throw new CheckFailed(`${where}: ${source} is excluded by .dockerignore`);
          if (!fs.existsSync(src)) throw new CheckFailed(`${where}: COPY ${source}: not found${fromRoot ? ` in stage ${step.from}` : ''}`);
          const target = fs.statSync(src).isDirectory() || !step.dest.endsWith('/') ? dest : path.join(dest, path.basename(source));
          const filter = (file: string) => fromRoot !== undefined || !ignored(path.relative(projectRoot, file).split(path.sep).join('/'));
          fs.cpSync(src, target, { recursive: true, filter });
        }
        say(`  ${where} COPY ${step.from ? `--from=${step.from} ` : ''}${step.sources.join(' ')} ${step.dest}`);
        break;
      }
      case 'RUN': {
        say(`  ${where} RUN ${step.command}  (${elapsed()})`);
        const result = spawnSync('sh', ['-c', step.command], { cwd: workdir, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
        if (result.status !== 0) throw new CheckFailed(`${where}: RUN ${step.command} exited with ${result.status ?? result.signal}`);
        break;
      }
    }
  }
  return { workdir, env };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, exited: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new CheckFailed('the server exited during start-up');
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new CheckFailed(`${url}/ready did not answer 200 within ${timeoutMs / 1000} s`);
}

function expectThat(ok: boolean, what: string): void {
  if (!ok) throw new CheckFailed(what);
  say(`  ok: ${what}`);
}

async function main(): Promise<number> {
  const keep = process.argv.includes('--keep');
  const stages = readDockerfile(path.join(projectRoot, 'Dockerfile'));
  const ignored = dockerignore(fs.readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8'));
  const compose = parseYaml(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { command?: string[] }> };
  const seedCommand = compose.services.seed?.command;
  if (!seedCommand) throw new CheckFailed('docker-compose.yml: no seed service with a command');

  const config = loadConfig();
  const password = config.neo4j.password ?? (config.neo4j.local ? readPasswordFile(homeLayout(config.localNeo4j.home)) : undefined);
  const neo4jEnv: Record<string, string> = { NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_DATABASE: config.neo4j.database };
  if (config.neo4j.auth === 'none') neo4jEnv.NEO4J_AUTH = 'none';
  else if (password === undefined) throw new CheckFailed('no Neo4j password: start the local Neo4j (npm run db:start) or set NEO4J_URI and NEO4J_PASSWORD');
  else neo4jEnv.NEO4J_PASSWORD = password;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-docker-check-'));
  npmCache = path.join(work, 'npm-cache');
  const ourCache = path.join(os.homedir(), '.npm', '_cacache');
  if (fs.existsSync(ourCache)) fs.cpSync(ourCache, path.join(npmCache, '_cacache'), { recursive: true });
  say(`docker:check in ${work}, against Neo4j at ${config.neo4j.uri}`);
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const roots = new Map<string, string>();
    let last: { workdir: string; env: Record<string, string> } | undefined;
    for (const stage of stages) {
      say(`stage ${stage.name} (FROM ${stage.image}; here: node ${process.version})`);
      const root = path.join(work, stage.name);
      fs.mkdirSync(root, { recursive: true });
      last = replayStage(stage, root, roots, ignored);
      roots.set(stage.name, root);
    }
    const final = stages.at(-1)!;
    if (!final.cmd) throw new CheckFailed('the last stage has no CMD');
    const { workdir, env } = last!;
    expectThat(env.NODE_ENV === 'production', 'the runtime stage sets NODE_ENV=production');
    expectThat(!fs.existsSync(path.join(workdir, 'node_modules', 'vite')), 'the runtime stage has no devDependencies (no node_modules/vite)');
    expectThat(fs.existsSync(path.join(workdir, 'web', 'dist', 'index.html')), 'the runtime stage has web/dist/index.html');

    const port = await freePort();
    const runEnv = { ...baseEnv(), ...env, ...neo4jEnv, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' };
    say(`seed (docker-compose.yml): ${seedCommand.join(' ')}  (${elapsed()})`);
    const seeded = spawnSync(seedCommand[0]!, seedCommand.slice(1), { cwd: workdir, env: runEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    expectThat(seeded.status === 0, `the seed command exits 0 (got ${seeded.status ?? seeded.signal})`);

    say(`CMD ${final.cmd.join(' ')} on 127.0.0.1:${port}  (${elapsed()})`);
    server = spawn(final.cmd[0]!, final.cmd.slice(1), { cwd: workdir, env: runEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    let exitCode: number | string | undefined;
    const exited = new Promise<number | string>((resolve) => server!.once('exit', (code, signal) => resolve((exitCode = code ?? signal ?? -1))));
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, () => exitCode !== undefined);

    const home = await fetch(`${url}/`);
    const homeText = await home.text();
    expectThat(home.status === 200 && /<script type="module"/.test(homeText) && !homeText.includes('not built'), '/ serves the built dashboard');
    const playground = await fetch(`${url}/playground/`);
    expectThat(playground.status === 200 && /<script type="module"/.test(await playground.text()), '/playground/ serves the built playground');
    const answer = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actor(id: "russia") { name } }' }) });
    const body = (await answer.json()) as { data?: { actor?: { name?: string } } };
    expectThat(body.data?.actor?.name === 'Russia', 'POST /graphql answers from the seeded graph (actor russia is Russia)');
    const browser = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expectThat(browser.status === 302 && browser.headers.get('location') === '/playground/', 'GET /graphql from a browser redirects to /playground/');
    if (final.healthcheck) {
      const health = spawnSync(final.healthcheck[0]!, final.healthcheck.slice(1), { cwd: workdir, env: runEnv, timeout: 10_000 });
      expectThat(health.status === 0, `the HEALTHCHECK command exits 0 (${final.healthcheck.slice(0, 2).join(' ')} ...)`);
    }
    server.kill('SIGTERM');
    const code = await exited;
    expectThat(code === 0, `SIGTERM drains and the server exits 0 (got ${code})`);
    server = undefined;
    say(`docker:check passed in ${elapsed()}`);
    return 0;
  } catch (err) {
    if (!(err instanceof CheckFailed)) throw err;
    process.stderr.write(`docker:check: ${err.message}\n`);
    return 1;
  } finally {
    server?.kill('SIGKILL');
    if (keep) say(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
