import net from 'node:net';
import type { LocalNeo4jSettings } from '../config.js';
import { LocalNeo4jError } from './local-neo4j-error.js';

/** Whether nothing listens on host:port, found by trying to listen there ourselves. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails with one actionable line when the Bolt or HTTP port is taken. */
export async function assertPortsFree(settings: LocalNeo4jSettings): Promise<void> {
  const ports = [
    { port: settings.boltPort, use: 'Bolt', variable: 'NEO4J_BOLT_PORT' },
    { port: settings.httpPort, use: 'HTTP', variable: 'NEO4J_HTTP_PORT' },
  ];
  for (const { port, use, variable } of ports) {
    if (!(await isPortFree(port))) {
      throw new LocalNeo4jError(
        `port ${port} on 127.0.0.1 is already in use by another program, so Neo4j cannot listen there for ${use}; set ${variable} to a free port`,
      );
    }
  }
}
