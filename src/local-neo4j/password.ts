import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Config } from '../config.js';
import type { JavaRuntime } from './find-java.js';
import type { HomeLayout } from './home-layout.js';
import { LocalNeo4jError } from './local-neo4j-error.js';

/** The password the local server will have, and whether this start sets it. */
export interface LocalPassword {
  password: string;
  /** True when the store had no password yet and set-initial-password just ran. */
  initial: boolean;
}

/**
 * Settles the local server's password before it starts. A new store gets NEO4J_PASSWORD,
 * else the one in <home>/password, else a generated one; it is kept in <home>/password
 * (mode 0600) so later commands and other processes can connect without the variable.
 */
export function ensurePassword(config: Config, layout: HomeLayout, java: JavaRuntime): LocalPassword {
  const fromEnv = config.neo4j.password;
  const fromFile = readPasswordFile(layout);
  if (fs.existsSync(layout.authIni)) {
    const password = fromEnv ?? fromFile;
    if (password === undefined) {
      throw new LocalNeo4jError(
        `the store in ${layout.data} already has a password, but ${layout.passwordFile} is missing and NEO4J_PASSWORD is not set; ` +
          `set NEO4J_PASSWORD to that password, or delete ${layout.data} to start over with an empty store`,
      );
    }
    return { password, initial: false };
  }
  const password = fromEnv ?? fromFile ?? generatePassword();
  writePasswordFile(layout, password);
  setInitialPassword(java, layout, password);
  return { password, initial: true };
}

/** 24 random letters and digits: nothing a shell, a URL or an option parser would misread. */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // 248 is the largest multiple of 62 below 256: dropping bytes above it keeps the choice uniform.
  const chars: string[] = [];
  while (chars.length < 24) {
    for (const byte of randomBytes(32)) if (byte < 248 && chars.length < 24) chars.push(alphabet[byte % 62]!);
  }
  return chars.join('');
}

/** Reads <home>/password, or undefined when there is none. */
export function readPasswordFile(layout: HomeLayout): string | undefined {
  try {
    return fs.readFileSync(layout.passwordFile, 'utf8').trim() || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function writePasswordFile(layout: HomeLayout, password: string): void {
  fs.mkdirSync(layout.home, { recursive: true });
  fs.writeFileSync(layout.passwordFile, `${password}\n`, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  fs.chmodSync(layout.passwordFile, 0o600);
}

function setInitialPassword(java: JavaRuntime, layout: HomeLayout, password: string): void {
  // The admin tool reads neo4j.conf (for the data folder) through NEO4J_CONF. The password
  // is on its command line for the half second it runs; the machine is a developer's own.
  // `--` keeps a password that starts with "-" from being read as an option.
  const result = spawnSync(
    java.bin,
    ['-Xmx256m', '-cp', `${layout.lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password],
    { cwd: layout.home, env: { NEO4J_HOME: layout.home, NEO4J_CONF: layout.conf }, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0 || !fs.existsSync(layout.authIni)) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').filter(Boolean).slice(-20);
    throw new LocalNeo4jError(`neo4j-admin dbms set-initial-password failed (exit ${result.status})`, { details: output });
  }
  fs.chmodSync(layout.authIni, 0o600);
}
