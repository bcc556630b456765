/**
 * The subset of Dockerfile and .dockerignore that this project's image uses, parsed so
 * that `npm run docker:check` can replay the image's steps without a Docker engine.
 * Anything outside the subset is an error naming the line, so the Dockerfile cannot
 * grow a step the check silently skips.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One step of a stage, in file order. */
export type DockerStep =
  | { kind: 'WORKDIR'; dir: string; line: number }
  | { kind: 'ENV'; vars: Record<string, string>; line: number }
  | { kind: 'COPY'; from: string | undefined; sources: string[]; dest: string; line: number }
  | { kind: 'RUN'; command: string; line: number };

/** A build stage: its name, base image, steps, and (for the last stage) how the container runs. */
export interface DockerStage {
  name: string;
  image: string;
  steps: DockerStep[];
  user: string | undefined;
  /** HEALTHCHECK's command, exec form. */
  healthcheck: string[] | undefined;
  /** CMD, exec form. */
  cmd: string[] | undefined;
}

/** A Dockerfile feature outside the subset, or malformed: names file and line. */
export class DockerfileError extends Error {
  override name = 'DockerfileError';
}

/** Joins continuation lines; returns [first line number, text] per instruction, comments dropped. */
function instructions(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let current = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (current === '') start = i + 1;
    if (line.endsWith('\\')) current += `${line.slice(0, -1)} `;
    else {
      out.push([start, (current + line).trim()]);
      current = '';
    }
  });
  return out;
}

function execForm(arg: string, where: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(arg);
  } catch {
    throw new DockerfileError(`${where}: expected the exec form, a JSON array of strings (the shell form would make sh PID 1)`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((s) => typeof s === 'string')) {
    throw new DockerfileError(`${where}: expected a non-empty JSON array of strings`);
  }
  return parsed as string[];
}

/** Parses `file`'s text into stages. */
export function parseDockerfile(text: string, file = 'Dockerfile'): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const [line, instruction] of instructions(text)) {
    const where = `${file}:${line}`;
    const [keyword = '', ...rest] = instruction.split(/\s+/);
    const arg = instruction.slice(keyword.length).trim();
    const stage = stages.at(-1);
    if (keyword.toUpperCase() !== 'FROM' && !stage) throw new DockerfileError(`${where}: ${keyword} before the first FROM`);
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const m = /^(\S+)\s+AS\s+(\S+)$/i.exec(arg);
        if (!m) throw new DockerfileError(`${where}: expected FROM <image> AS <name>`);
        stages.push({ name: m[2]!, image: m[1]!, steps: [], user: undefined, healthcheck: undefined, cmd: undefined });
        break;
      }
      case 'WORKDIR':
        stage!.steps.push({ kind: 'WORKDIR', dir: arg, line });
        break;
      case 'ENV': {
        const vars: Record<string, string> = {};
        for (const pair of rest) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(pair);
          if (!m) throw new DockerfileError(`${where}: expected ENV NAME=value ... (got "${pair}")`);
          vars[m[1]!] = m[2]!;
        }
        stage!.steps.push({ kind: 'ENV', vars, line });
        break;
      }
      case 'COPY': {
        const parts = [...rest];
        let from: string | undefined;
        while (parts[0]?.startsWith('--')) {
          const flag = parts.shift()!;
          if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
          else if (!flag.startsWith('--chown=')) throw new DockerfileError(`${where}: COPY flag ${flag} is not understood by docker:check`);
        }
        if (parts.length < 2) throw new DockerfileError(`${where}: expected COPY <source>... <dest>`);
        stage!.steps.push({ kind: 'COPY', from, sources: parts.slice(0, -1), dest: parts.at(-1)!, line });
        break;
      }
      case 'RUN':
        stage!.steps.push({ kind: 'RUN', command: arg, line });
        break;
      case 'USER':
        stage!.user = arg;
        break;
      case 'EXPOSE':
        break;
      case 'HEALTHCHECK': {
        const m = /^(?:--\S+\s+)*CMD\s+(.*)$/.exec(arg);
        if (!m) throw new DockerfileError(`${where}: expected HEALTHCHECK [options] CMD [...]`);
        stage!.healthcheck = execForm(m[1]!, where);
        break;
      }
      case 'CMD':
        stage!.cmd = execForm(arg, where);
        break;
      default:
        throw new DockerfileError(`${where}: ${keyword} is not understood by docker:check (src/docker/dockerfile.ts)`);
    }
  }
  if (stages.length === 0) throw new DockerfileError(`${file}: no FROM`);
  return stages;
}

/** Reads and parses the Dockerfile at `file`. */
export function readDockerfile(file: string): DockerStage[] {
  return parseDockerfile(fs.readFileSync(file, 'utf8'), path.basename(file));
}

/** A .dockerignore as a predicate on paths relative to the context root ('/'-separated). */
export function dockerignore(text: string): (relative: string) => boolean {
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const regexes = patterns.map((p) => {
    if (p.startsWith('!')) throw new DockerfileError(`.dockerignore: exceptions (${p}) are not understood by docker:check`);
    const body = p
      .replace(/^\/+|\/+$/g, '')
      .split(/(\*\*\/|\*\*|\*|\?)/)
      .map((part) =>
        part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    return new RegExp(`^${body}$`);
  });
  return (relative) => {
    const parts = relative.split('/');
    // A path is ignored when it or any folder above it matches.
    for (let i = 1; i <= parts.length; i += 1) {
      const prefix = parts.slice(0, i).join('/');
      if (regexes.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
}
