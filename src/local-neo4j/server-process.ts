import fs from 'node:fs';
import type { HomeLayout } from './home-layout.js';
import { serverMainClass } from './jvm-options.js';

/** Whether a process with this pid exists (and may be signalled by us). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid recorded in <home>/run/neo4j.pid, if any. */
export function readPidFile(layout: HomeLayout): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(layout.pidFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Records the server's pid. */
export function writePidFile(layout: HomeLayout, pid: number): void {
  fs.mkdirSync(layout.run, { recursive: true });
  fs.writeFileSync(layout.pidFile, `${pid}\n`);
}

/** Forgets the recorded pid. */
export function removePidFile(layout: HomeLayout): void {
  fs.rmSync(layout.pidFile, { force: true });
}

/**
 * The pid of this home's server when it runs. A pid file outlives reboots and pids are
 * reused, so the process's command line must name our entry point and this home.
 */
export function runningServerPid(layout: HomeLayout): number | undefined {
  const pid = readPidFile(layout);
  if (pid === undefined || !isAlive(pid)) return undefined;
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    // No /proc (not Linux): trust the live pid.
    return pid;
  }
  return cmdline.includes(serverMainClass) && cmdline.includes(`--home-dir=${layout.home}`) ? pid : undefined;
}
