/**
 * The local Neo4j's remembered state, `<home>/run.json`: the ports it was last started
 * with, its pid while it runs, and the HTTP port `npm run up` last served on. Later
 * commands (npm start, seed, db:*, npm test) read it through src/config.ts, so ports
 * chosen once need not be set again; an explicit environment variable still wins.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What run.json holds. */
export interface RunState {
  /** The home this state belongs to (a copied file from another home is ignored). */
  home: string;
  boltPort: number;
  httpPort: number;
  /** The HTTP server's port of the last `npm run up`, if any. */
  serverPort?: number;
  /** The local Neo4j's pid while it runs (the pid file stays the proof: this is for people). */
  pid?: number;
}

/** The path of a home's run.json. */
export const runStateFile = (home: string): string => path.join(home, 'run.json');

const isPort = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;

/** The remembered state of `home`, or undefined when there is none (or it is unreadable or not this home's). */
export function readRunState(home: string): RunState | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(runStateFile(home), 'utf8'));
  } catch {
    return undefined;
  }
  const s = raw as Partial<RunState> | null;
  if (!s || s.home !== home || !isPort(s.boltPort) || !isPort(s.httpPort)) return undefined;
  return {
    home,
    boltPort: s.boltPort,
    httpPort: s.httpPort,
    ...(isPort(s.serverPort) ? { serverPort: s.serverPort } : {}),
    ...(Number.isInteger(s.pid) && (s.pid as number) > 0 ? { pid: s.pid } : {}),
  };
}

/** Writes `home`'s state: `update` on top of what is remembered (undefined values are dropped). */
export function writeRunState(home: string, update: Partial<Omit<RunState, 'home'>> & Pick<RunState, 'boltPort' | 'httpPort'>): void {
  const merged: Record<string, unknown> = { ...readRunState(home), ...update, home };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  fs.mkdirSync(home, { recursive: true });
  const file = runStateFile(home);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/** Forgets the pid (the server stopped) and keeps the ports. */
export function forgetRunPid(home: string): void {
  const state = readRunState(home);
  if (state?.pid === undefined) return;
  const { pid: _pid, ...rest } = state;
  fs.writeFileSync(runStateFile(home), `${JSON.stringify(rest, null, 2)}\n`);
}
