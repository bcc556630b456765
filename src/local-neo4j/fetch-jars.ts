import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { HomeLayout } from './home-layout.js';
import { LocalNeo4jError } from './local-neo4j-error.js';
import { neo4jVersion, pomTemplatePath } from './neo4j-version.js';
import type { Report } from './report.js';

/** What ensureJars did. */
export interface JarsResult {
  version: string;
  downloaded: boolean;
  jarCount: number;
}

const dependencyPlugin = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies';

/**
 * Makes sure <home>/lib holds the runtime jars of the pinned Neo4j version, fetching
 * them with Maven only when the version marker is missing or names another version.
 */
export async function ensureJars(layout: HomeLayout, report: Report): Promise<JarsResult> {
  const version = neo4jVersion();
  const cached = readMarker(layout.versionMarker);
  if (cached === version) return { version, downloaded: false, jarCount: countJars(layout.lib) };

  report(`Fetching Neo4j ${version} jars with Maven into ${layout.lib} ...`);
  const started = Date.now();
  fs.mkdirSync(layout.home, { recursive: true });
  fs.copyFileSync(pomTemplatePath, layout.pom);
  // Fetch into a fresh folder and swap it in, so a stale jar of another version (or a
  // half-finished download) never ends up on the classpath.
  const staging = `${layout.lib}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  await runMaven(['-B', '-q', '-f', layout.pom, dependencyPlugin, '-DincludeScope=runtime', `-DoutputDirectory=${staging}`], layout.home);

  const jars = fs.readdirSync(staging).filter((f) => f.endsWith('.jar'));
  const enterprise = jars.filter((f) => /enterprise|commercial/i.test(f));
  if (enterprise.length > 0) {
    // An Enterprise entry point on the classpath would take over from CommunityEntryPoint.
    throw new LocalNeo4jError(`Maven brought Enterprise jars (${enterprise.join(', ')}); check ${pomTemplatePath}`);
  }
  if (!jars.some((f) => f === `neo4j-${version}.jar`)) {
    throw new LocalNeo4jError(`Maven finished but ${staging} has no neo4j-${version}.jar`);
  }
  fs.writeFileSync(path.join(staging, path.basename(layout.versionMarker)), `${version}\n`);
  fs.rmSync(layout.lib, { recursive: true, force: true });
  fs.renameSync(staging, layout.lib);
  report(`Fetched ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { version, downloaded: true, jarCount: jars.length };
}

function readMarker(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function countJars(dir: string): number {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jar')).length;
}

function runMaven(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    // Maven inherits the environment: it needs PATH, JAVA_HOME, HOME and any proxy settings.
    const child = spawn('mvn', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new LocalNeo4jError('Maven (mvn) not found on PATH; install it with: apt-get install -y openjdk-17-jre-headless maven')
          : err,
      );
    });
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const lines = output.join('').split('\n').filter(Boolean).slice(-40);
      reject(new LocalNeo4jError(`mvn exited with code ${code} while fetching the Neo4j jars`, { details: lines }));
    });
  });
}
