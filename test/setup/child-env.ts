/**
 * The environment of a child process a test starts (a CLI, the server): this process's
 * (PATH, JAVA_HOME, the local Neo4j's home and ports) without the Neo4j connection
 * settings, which the test passes explicitly. A developer's own NEO4J_PASSWORD, NEO4J_USER
 * or NEO4J_URI must not reach a child that talks to the test's Neo4j (issue 14).
 */

/** The connection settings a child never inherits. */
export const connectionVariables = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_AUTH', 'NEO4J_DATABASE'] as const;

/** process.env without the connection settings, with `extra` on top. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of connectionVariables) delete env[name];
  return { ...env, ...extra };
}
