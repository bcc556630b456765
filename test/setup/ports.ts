/** Free loopback ports and throwaway local Neo4j servers for tests. */
import fs from 'node:fs';
import { loadConfig, type Config } from '../../src/config.js';
import { homeLayout } from '../../src/local-neo4j/home-layout.js';
import { isPortFree } from '../../src/local-neo4j/ports.js';
import { testNeo4j } from './neo4j.js';

/** Two free loopback ports from `from` on (within 1,000), for a throwaway Neo4j's Bolt and HTTP. */
export async function freePortPair(from: number): Promise<[number, number]> {
  const found: number[] = [];
  for (let port = from; found.length < 2 && port < from + 1_000; port += 1) {
    if (await isPortFree(port)) found.push(port);
  }
  if (found.length < 2) throw new Error(`no two free ports in ${from}-${from + 999}`);
  return [found[0]!, found[1]!];
}

/**
 * The configuration of a throwaway local Neo4j in `home` (small heap and page cache,
 * two free ports from `fromPort` on), borrowing the jars of the test Neo4j so that it
 * costs no second download.
 */
export async function throwawayNeo4jConfig(home: string, fromPort: number): Promise<Config> {
  fs.symlinkSync(homeLayout(testNeo4j().home!).lib, homeLayout(home).lib);
  const [bolt, http] = await freePortPair(fromPort);
  const javaHome = loadConfig().localNeo4j.javaHome;
  return loadConfig({
    NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(bolt),
    NEO4J_HTTP_PORT: String(http),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
    ...(javaHome ? { JAVA_HOME: javaHome } : {}),
  });
}
