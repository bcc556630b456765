/** Runs a command-line entry point through tsx, as npm does, and collects its output. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { childEnv } from '../setup/child-env.js';

const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

/** Runs `tsx <script> ...args` to completion; resolves with its exit code and output. */
export function runCli(script: string, args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { cwd: projectRoot, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
