/**
 * `tsx src/bench/cpu-profile-summary.ts <file.cpuprofile> [--requests n] [--top 40]`:
 * where a V8 CPU profile (node --cpu-prof) spent its time, for decision 0064. Prints
 * self time by package or source file (node_modules/<package>, src/<file>, node:
 * internals, GC, idle), the functions with the most self time, and the inclusive time
 * of chosen frames (each counted once per stack, so recursion is not counted twice);
 * with --requests, every figure also per request in µs.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package, source file or kind of code a frame belongs to. */
export function frameGroup(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  if (url.startsWith('node:')) return url.split('/')[0]!;
  return url;
}

/** The layers of a request, by the package or file of a frame's self time (first match wins). */
const LAYERS: Array<[layer: string, test: (group: string) => boolean]> = [
  ['garbage collection', (g) => g === '(garbage collector)'],
  ['socket writes and reads (syscalls: HTTP answers, Bolt messages)', (g) => /^\(native\) (writev|writeBuffer|read|onStreamRead)/.test(g)],
  ['neo4j-driver (Bolt packing, unpacking, results)', (g) => g.startsWith('neo4j-driver')],
  ['graphql-js (execution, parse, validation)', (g) => g === 'graphql' || g.startsWith('@graphql-tools') || g.startsWith('@escape.tech')],
  ['Apollo Server and its Express integration', (g) => g.startsWith('@apollo') || g.startsWith('@as-integrations')],
  ['Express, router and body parsing', (g) => ['express', 'router', 'body-parser', 'raw-body', 'content-type', 'type-is', 'iconv-lite', 'media-typer', 'mime-types', 'negotiator', 'accepts', 'whatwg-mimetype', 'finalhandler', 'send', 'proxy-addr', 'forwarded', 'ipaddr.js', 'parseurl', 'on-finished', 'fresh', 'etag', 'vary', 'encodeurl', 'escape-html', 'statuses', 'http-errors', 'depd', 'path-to-regexp', 'qs', 'debug', 'ms'].includes(g)],
  ['security headers, CORS', (g) => g === 'helmet' || g === 'cors' || g === 'object-assign'],
  ['logging (pino)', (g) => g.startsWith('pino') || g.startsWith('@pinojs') || g === 'sonic-boom' || g === 'fast-redact' || g === 'quick-format-unescaped' || g === 'atomic-sleep' || g === 'thread-stream' || g === 'safe-stable-stringify'],
  ['DataLoader', (g) => g === 'dataloader'],
  ['our resolvers and plugins (src/graphql, src/http, src/auth, src/throttle)', (g) => /^src\/(graphql|http|auth|throttle|server)/.test(g)],
  ['our reads and answers (src/graph, src/neo4j, src/model)', (g) => /^src\//.test(g)],
  ["Node's HTTP, net, streams, events and buffers", (g) => g.startsWith('node:')],
  ['V8 and native (other)', (g) => g.startsWith('(')],
];

/** Frames whose inclusive time answers where a request goes (matched by function name, and url part when given). */
const INCLUSIVE: Array<[label: string, fn: string, url?: string]> = [
  ['pino-http (request logging)', 'loggingMiddleware', 'pino-http'],
  ['helmet (security headers)', 'helmetMiddleware', 'helmet'],
  ['cors', 'corsMiddleware', 'cors'],
  ['express.json body parser', 'jsonParser', 'body-parser'],
  ['authenticate', '', 'src/auth/authenticate'],
  ['Apollo executeHTTPGraphQLRequest', 'executeHTTPGraphQLRequest', '@apollo/server'],
  ['graphql parse', 'parse', 'graphql/language/parser'],
  ['graphql validate', 'validate', 'graphql/validation/validate'],
  ['graphql execute', 'execute', 'graphql/execution/execute'],
  ['estimateOperationCost', 'estimateOperationCost', 'operation-cost'],
  ['createGraphContext', 'createGraphContext', 'context'],
  ['toPlain', 'toPlain', 'neo4j/values'],
  ['neo4j-driver (all frames)', '', 'neo4j-driver'],
  ['JSON.stringify', 'stringify', ''],
  ['JSON.parse', 'parse', ''],
  ['prettyJSONStringify', 'prettyJSONStringify', '@apollo/server'],
];

function main(): void {
  const program = new Command('cpu-profile-summary')
    .argument('<file>')
    .option('--requests <n>', 'requests the profile covers, for µs per request', Number)
    .option('--top <n>', 'functions to list', Number, 40)
    .option('--skip <seconds>', 'leave out the first seconds of the profile (the server starting)', Number, 0)
    .option('--callers <function>', 'also list the stacks (innermost 14 frames) that lead to this function, by time')
    .parse();
  const [file] = program.args as [string];
  const o = program.opts<{ requests?: number; top: number; callers?: string; skip: number }>();
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = profile.startTime;
  const from = profile.startTime + o.skip * 1e6;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const per = (us: number): string => (o.requests ? `${(us / o.requests).toFixed(0).padStart(6)} µs/req` : '');
  const pct = (us: number): string => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  process.stdout.write(`${file}: ${ms(total)} sampled, ${ms(busy)} not idle${o.requests ? `, ${o.requests} requests: ${(busy / o.requests).toFixed(0)} µs busy per request` : ''}\n`);

  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    const g = frameGroup(f.url, f.functionName);
    groups.set(g, (groups.get(g) ?? 0) + t);
    const key = `${f.functionName || '(anonymous)'} ${g}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  const layers = new Map<string, number>();
  for (const [g, t] of groups) {
    const layer = LAYERS.find(([, test]) => test(g))?.[0] ?? 'other';
    layers.set(layer, (layers.get(layer) ?? 0) + t);
  }
  process.stdout.write('\nself time by layer (% of busy time)\n');
  for (const [l, t] of [...layers].sort((a, b) => b[1] - a[1])) process.stdout.write(`${ms(t)} ${pct(t)} ${per(t)}  ${l}\n`);
  process.stdout.write('\nself time by package or file (% of busy time)\n');
  for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`${ms(t)} ${pct(t)} ${per(t)}  ${g}\n`);
  process.stdout.write(`\nfunctions with the most self time\n`);
  for (const [f, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, o.top)) process.stdout.write(`${ms(t)} ${pct(t)} ${per(t)}  ${f}\n`);

  // Inclusive time: every sample counted once for a label if any frame on its stack matches.
  const matches = (n: ProfileNode, fn: string, url: string | undefined): boolean =>
    (fn === '' || n.callFrame.functionName === fn) && (url === undefined || (url === '' ? n.callFrame.url === '' : n.callFrame.url.includes(url)));
  process.stdout.write('\ninclusive time of chosen frames\n');
  for (const [label, fn, url] of INCLUSIVE) {
    let t = 0;
    for (const [id, dt] of self) {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        if (matches(byId.get(cur)!, fn, url)) {
          t += dt;
          break;
        }
      }
    }
    process.stdout.write(`${ms(t)} ${pct(t)} ${per(t)}  ${label}\n`);
  }

  if (o.callers) {
    const stacks = new Map<string, number>();
    for (const [id, dt] of self) {
      const frames: string[] = [];
      let found = false;
      for (let cur: number | undefined = id; cur !== undefined && frames.length < 14; cur = parent.get(cur)) {
        const f = byId.get(cur)!.callFrame;
        if (f.functionName === o.callers) found = true;
        if (found) frames.push(`${f.functionName || '(anonymous)'} ${frameGroup(f.url, f.functionName)}:${f.lineNumber + 1}`);
      }
      if (found) stacks.set(frames.join(' < '), (stacks.get(frames.join(' < ')) ?? 0) + dt);
    }
    process.stdout.write(`\nstacks leading to ${o.callers}\n`);
    for (const [st, t] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stdout.write(`${ms(t)} ${per(t)}  ${st}\n`);
  }
}

main();
