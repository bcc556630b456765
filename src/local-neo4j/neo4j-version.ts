import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed pom.xml: the single place that names the Neo4j version. */
export const pomTemplatePath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pom.xml');

/** The Neo4j version the local server runs, as pinned in pom.xml. */
export function neo4jVersion(): string {
  const pom = fs.readFileSync(pomTemplatePath, 'utf8');
  const match = /<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) throw new Error(`${pomTemplatePath} has no <neo4j.version> property`);
  return match[1];
}
