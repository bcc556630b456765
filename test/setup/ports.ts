/** Free loopback ports for tests that start throwaway servers. */
import { isPortFree } from '../../src/local-neo4j/ports.js';

/** Two free loopback ports from `from` on (within 1,000), for a throwaway Neo4j's Bolt and HTTP. */
export async function freePortPair(from: number): Promise<[number, number]> {
  const found: number[] = [];
  for (let port = from; found.length < 2 && port < from + 1_000; port += 1) {
    if (await isPortFree(port)) found.push(port);
  }
  if (found.length < 2) throw new Error(`no two free ports in ${from}-${from + 999}`);
  return [found[0]!, found[1]!];
}
