/**
 * The comparison server of `npm run bench`: @neo4j/graphql 7 over the same
 * database and labels (type definitions in bench/neo4j-graphql.graphql),
 * served by Apollo Server over HTTP like diplograph's API. Run as its own
 * process (`tsx src/bench/neo4j-graphql-server.ts`, PORT from the environment);
 * prints `listening <url>` when ready. Used by the benchmark only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { loadConfig, projectRoot } from '../config.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';

/** The type definitions the comparison server uses. */
export const neo4jGraphqlTypeDefs = (): string => readFileSync(path.join(projectRoot, 'bench', 'neo4j-graphql.graphql'), 'utf8');

async function main(): Promise<void> {
  const config = loadConfig();
  const driver = createDriver(config);
  const neoSchema = new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver });
  const schema = await neoSchema.getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.http.port, host: config.http.host },
    context: async () => ({ sessionConfig: { database: config.neo4j.database } }),
  });
  process.stdout.write(`listening ${url}\n`);
  const stop = async (): Promise<void> => {
    await server.stop();
    await closeDriver();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

await main();
