/** The Neo4j the integration tests run against, as the global setup hands it to test files. */
export interface ProvidedNeo4j {
  /** How it was chosen: NEO4J_URI, a Testcontainer, or the project's local server. */
  source: 'uri' | 'testcontainer' | 'local';
  uri: string;
  user: string;
  /** Null when the server runs without authentication (NEO4J_AUTH=none). */
  password: string | null;
  database: string;
  /** The local server's home when source is 'local', else null. */
  home: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: ProvidedNeo4j;
  }
}
