import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { homeLayout } from '../../src/local-neo4j/home-layout.js';
import { serverJavaArgs } from '../../src/local-neo4j/jvm-options.js';
import { renderNeo4jConf } from '../../src/local-neo4j/neo4j-conf.js';
import { neo4jVersion } from '../../src/local-neo4j/neo4j-version.js';

const config = loadConfig({ NEO4J_HOME: '/tmp/dg-home', NEO4J_BOLT_PORT: '17687', NEO4J_HTTP_PORT: '17474', NEO4J_HEAP: '512m' });
const layout = homeLayout(config.localNeo4j.home);

/** neo4j.conf as a map; fails on a duplicated key, which Neo4j also refuses. */
function settings(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of renderNeo4jConf(config.localNeo4j, layout).split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [key, ...rest] = line.split('=');
    expect(map.has(key!), `duplicated key ${key}`).toBe(false);
    map.set(key!, rest.join('='));
  }
  return map;
}

describe('the local Neo4j configuration', () => {
  it('pins one Neo4j 5.26 version in pom.xml', () => {
    expect(neo4jVersion()).toMatch(/^5\.26\.\d+$/);
  });

  it('listens on loopback only, on the configured ports, without HTTPS', () => {
    const s = settings();
    expect(s.get('server.default_listen_address')).toBe('127.0.0.1');
    expect(s.get('server.bolt.listen_address')).toBe('127.0.0.1:17687');
    expect(s.get('server.http.listen_address')).toBe('127.0.0.1:17474');
    expect(s.get('server.https.enabled')).toBe('false');
    expect(s.get('dbms.security.auth_enabled')).toBe('true');
  });

  it('keeps every directory absolute and inside the home', () => {
    const s = settings();
    for (const key of ['data', 'logs', 'run', 'import', 'plugins']) {
      const dir = s.get(`server.directories.${key}`)!;
      expect(path.isAbsolute(dir)).toBe(true);
      expect(dir.startsWith('/tmp/dg-home/')).toBe(true);
    }
  });

  it('bounds memory, transactions and transaction logs, and sends no telemetry', () => {
    const s = settings();
    expect(s.get('server.memory.heap.max_size')).toBe('512m');
    expect(s.get('dbms.memory.transaction.total.max')).toBe('256m');
    expect(s.get('db.transaction.timeout')).toBe('120s');
    expect(s.get('db.tx_log.rotation.retention_policy')).toBe('1G size');
    expect(s.get('dbms.usage_report.enabled')).toBe('false');
    expect(s.get('client.allow_telemetry')).toBe('false');
  });

  it('runs the community entry point with the heap and the --add-opens Java 17 needs', () => {
    const args = serverJavaArgs(config.localNeo4j, layout);
    expect(args).toContain('-Xmx512m');
    expect(args).toContain('--add-opens=java.base/sun.nio.ch=ALL-UNNAMED');
    expect(args).toContain('org.neo4j.server.CommunityEntryPoint');
    expect(args.at(-1)).toBe('--console-mode');
  });
});
