/**
 * Runs an entry point (src/main.ts, src/cli/up.ts) as a child process the way npm does
 * (node with the server's flags and tsx as loader: package.json), and watches its output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot, serverNodeArgs } from '../../src/config.js';
import { childEnv } from '../setup/child-env.js';

/** A running entry point. */
export interface RunningEntryPoint {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the output once it matches, or rejects after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts `script` in the repository as npm does, with the environment given on top of this one's. */
export function runEntryPoint(script: string, env: Record<string, string>): RunningEntryPoint {
  const child = spawn(process.execPath, serverNodeArgs(script), { cwd: projectRoot, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          done();
          resolve(text);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} in output after ${timeoutMs} ms:\n${text}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((code) =>
          setTimeout(() => {
            if (!listeners.has(check)) return;
            check();
            if (!listeners.has(check)) return;
            done();
            reject(new Error(`exited (${code}) without ${pattern} in output:\n${text}`));
          }, 50),
        );
        check();
      });
    },
  };
}
