/**
 * The Dockerfile and docker-compose.yml as an operator relies on them, read without a
 * Docker engine: what `npm run docker:check` replays (src/docker/dockerfile.ts) is the
 * Dockerfile itself, so these tests pin what the replay cannot see (compose wiring,
 * signals, the health check) and that the parser refuses what it would skip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../src/config.js';
import { DockerfileError, dockerignore, parseDockerfile, readDockerfile, type DockerStep } from '../../src/docker/dockerfile.js';

const stages = readDockerfile(path.join(projectRoot, 'Dockerfile'));
const ignored = dockerignore(fs.readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8'));
const runtime = stages.at(-1)!;
const copies = (steps: DockerStep[]) => steps.filter((s): s is Extract<DockerStep, { kind: 'COPY' }> => s.kind === 'COPY');

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  restart?: string;
  init?: boolean;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parseYaml(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

describe('the Dockerfile', () => {
  it('builds the dashboard in a build stage and copies only web/dist into a production runtime stage', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    const build = stages[0]!;
    expect(build.steps).toContainEqual(expect.objectContaining({ kind: 'RUN', command: 'npm run build:web' }));
    expect(runtime.steps).toContainEqual(expect.objectContaining({ kind: 'ENV', vars: expect.objectContaining({ NODE_ENV: 'production' }) }));
    expect(runtime.steps).toContainEqual(expect.objectContaining({ kind: 'RUN', command: expect.stringMatching(/^npm ci --omit=dev\b/) }));
    expect(copies(runtime.steps).filter((c) => c.from !== undefined)).toEqual([expect.objectContaining({ from: 'build', sources: ['/app/web/dist'], dest: './web/dist' })]);
    expect(runtime.user).toBe('node');
  });

  it('runs the server as PID 1 in exec form, with the flags of npm start', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(runtime.cmd).toEqual(pkg.scripts.start!.split(' '));
    expect(runtime.healthcheck?.join(' ')).toContain('/ready');
    expect(runtime.healthcheck?.[0]).toBe('node');
  });

  it('copies from the repository only what exists and .dockerignore lets through', () => {
    for (const stage of stages) {
      for (const copy of copies(stage.steps).filter((c) => c.from === undefined)) {
        for (const source of copy.sources) {
          expect(fs.existsSync(path.join(projectRoot, source)), `Dockerfile:${copy.line} ${source}`).toBe(true);
          expect(ignored(source), `Dockerfile:${copy.line} ${source}`).toBe(false);
        }
      }
    }
  });

  it('has a .dockerignore that keeps host builds, dependencies and local state out', () => {
    for (const p of ['node_modules/x', 'web/node_modules/react', 'web/dist/index.html', '.neo4j/password', '.neo4j-other/data', 'test-results/vitest.json', '.env', 'npm-debug.log', '.git/HEAD']) {
      expect(ignored(p), p).toBe(true);
    }
    for (const p of ['src/main.ts', 'web/src/main.tsx', 'docs/queries/1-find.graphql', 'seeds', 'package-lock.json']) expect(ignored(p), p).toBe(false);
  });
});

describe('the Dockerfile parser', () => {
  it('refuses instructions that docker:check would skip, naming the line', () => {
    expect(() => parseDockerfile('FROM node:20 AS a\n\nADD x /y\n')).toThrow(new DockerfileError('Dockerfile:3: ADD is not understood by docker:check (src/docker/dockerfile.ts)'));
    expect(() => parseDockerfile('FROM node:20 AS a\nCMD node main.js\n')).toThrow(/^Dockerfile:2: expected the exec form/);
    expect(() => parseDockerfile('FROM node:20 AS a\nCOPY --link a b\n')).toThrow(/Dockerfile:2: COPY flag --link/);
  });

  it('joins continuation lines and keeps the first line number', () => {
    const [stage] = parseDockerfile('# c\nFROM node:20 AS a\nRUN a && \\\n  b\nHEALTHCHECK --interval=5s \\\n  CMD ["node", "-e", "1"]\n');
    expect(stage!.steps).toEqual([{ kind: 'RUN', command: 'a &&    b', line: 3 }]);
    expect(stage!.healthcheck).toEqual(['node', '-e', '1']);
  });
});

describe('docker-compose.yml', () => {
  const { neo4j, seed, api } = compose.services;

  it('runs Neo4j 5.26 Community with a health check', () => {
    expect(neo4j?.image).toBe('neo4j:5.26-community');
    expect(neo4j?.healthcheck?.test.join(' ')).toContain('7474');
  });

  it('seeds once, after Neo4j is healthy, and starts the API only when seeding succeeded', () => {
    expect(seed?.restart).toBe('no');
    expect(seed?.command).toEqual(['node', '--import', 'tsx', 'src/cli/seed.ts']);
    expect(fs.existsSync(path.join(projectRoot, seed!.command![3]!))).toBe(true);
    expect(seed?.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api?.depends_on).toMatchObject({ seed: { condition: 'service_completed_successfully' } });
  });

  it('runs the API under an init, restarts it, checks /ready, and publishes it on 127.0.0.1 by default', () => {
    expect(api?.init).toBe(true);
    expect(api?.restart).toBe('unless-stopped');
    expect(api?.healthcheck?.test.join(' ')).toContain('/ready');
    expect(api?.ports).toEqual(['${API_BIND:-127.0.0.1}:${API_PORT:-4000}:4000']);
    expect(api?.image).toBe(seed?.image);
  });
});
