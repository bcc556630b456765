import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { LocalNeo4jError } from './local-neo4j-error.js';

/** A Java runtime that can run Neo4j 5.26. */
export interface JavaRuntime {
  /** Absolute path of the java binary, so children need no PATH. */
  bin: string;
  /** Feature release, e.g. 17. */
  major: number;
}

/** Java feature releases Neo4j 5.26 supports. */
export const supportedJavaMajors = [17, 21] as const;

const installHint = 'install it with: apt-get install -y openjdk-17-jre-headless maven';

/**
 * Finds the java to run Neo4j with: $JAVA_HOME/bin/java when JAVA_HOME is set, else java
 * on PATH, and insists on Java 17 or 21.
 */
export function findJava(javaHome: string | undefined): JavaRuntime {
  const candidate = javaHome === undefined ? 'java' : path.join(javaHome, 'bin', 'java');
  const where = javaHome === undefined ? 'java on PATH' : `${candidate} (from JAVA_HOME)`;
  // The properties name the runtime's real home, which resolves PATH lookups and the
  // Debian alternatives symlinks to one absolute path.
  const probe = spawnSync(candidate, ['-XshowSettings:properties', '-version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) {
    const missing = (probe.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new LocalNeo4jError(
      missing ? `Java not found (looked for ${where}); ${installHint}` : `could not run ${where}: ${probe.error.message}`,
    );
  }
  const out = `${probe.stderr}\n${probe.stdout}`;
  const spec = /java\.specification\.version = (\S+)/.exec(out)?.[1];
  const home = /java\.home = (.+)/.exec(out)?.[1]?.trim();
  const major = spec === undefined ? NaN : Number(spec.startsWith('1.') ? spec.slice(2) : spec);
  if (probe.status !== 0 || Number.isNaN(major) || home === undefined) {
    throw new LocalNeo4jError(`${where} did not report its version (exit ${probe.status}); ${installHint}`);
  }
  if (!(supportedJavaMajors as readonly number[]).includes(major)) {
    throw new LocalNeo4jError(
      `Neo4j 5.26 needs Java 17 or 21, but ${where} is Java ${major}; ${installHint}, or set JAVA_HOME to a Java 17 or 21 runtime`,
    );
  }
  return { bin: path.join(home, 'bin', 'java'), major };
}
