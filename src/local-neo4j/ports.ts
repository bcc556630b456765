import net from 'node:net';
import type { Config } from '../config.js';
import { LocalNeo4jError } from './local-neo4j-error.js';

/** Whether nothing listens on host:port, found by trying to listen there ourselves. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port a command is about to listen on. */
export interface PortNeed {
  port: number;
  host: string;
  /** What listens there, for people: "Neo4j Bolt". */
  use: string;
  /** The variable that chooses it. */
  variable: string;
}

/** The ports the local Neo4j listens on (both on 127.0.0.1). */
export function neo4jPortNeeds(config: Config): PortNeed[] {
  const { boltPort, httpPort } = config.localNeo4j;
  return [
    { port: boltPort, host: '127.0.0.1', use: 'Neo4j Bolt', variable: 'NEO4J_BOLT_PORT' },
    { port: httpPort, host: '127.0.0.1', use: 'Neo4j HTTP', variable: 'NEO4J_HTTP_PORT' },
  ];
}

/** The port the GraphQL server listens on. */
export function serverPortNeed(config: Config): PortNeed {
  return { port: config.http.port, host: config.http.host, use: 'GraphQL server', variable: 'PORT' };
}

/** The first port after `from` that is free on `host` and not in `avoid`. */
export async function nextFreePort(from: number, host: string, avoid: ReadonlySet<number>): Promise<number | undefined> {
  for (let port = from + 1; port <= Math.min(65535, from + 200); port += 1) {
    if (!avoid.has(port) && (await isPortFree(port, host))) return port;
  }
  return undefined;
}

/**
 * Fails with one line when any needed port is taken, naming every taken port, the
 * variable that moves it, and free values to try (checked now): e.g.
 * "NEO4J_BOLT_PORT=7688 PORT=4001 npm run up".
 */
export async function assertPortsFree(needs: PortNeed[], command: string, memory: { file: string; remembered: readonly string[] }): Promise<void> {
  const { remembered } = memory;
  const taken: PortNeed[] = [];
  for (const need of needs) if (!(await isPortFree(need.port, need.host))) taken.push(need);
  if (taken.length === 0) return;
  const avoid = new Set(needs.map((n) => n.port));
  const suggestions: string[] = [];
  for (const need of taken) {
    const free = await nextFreePort(need.port, need.host, avoid);
    if (free === undefined) continue;
    avoid.add(free);
    suggestions.push(`${need.variable}=${free}`);
  }
  const described = taken.map((n) => `port ${n.port} on ${n.host} (${n.use}, ${n.variable}${remembered.includes(n.variable) ? ' as remembered' : ''})`);
  const list = described.length === 1 ? described[0]! : `${described.slice(0, -1).join(', ')} and ${described.at(-1)!}`;
  throw new LocalNeo4jError(
    `${list} ${taken.length === 1 ? 'is' : 'are'} already in use by another program; ` +
      `choose free ${taken.length === 1 ? 'one' : 'ones'} with the variable${taken.length === 1 ? '' : 's'}` +
      (suggestions.length > 0 ? `, e.g. ${suggestions.join(' ')} ${command}` : '') +
      ` (a run that starts remembers its ports in ${memory.file} for the next commands)`,
  );
}
