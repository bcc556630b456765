/** A problem with the local Neo4j that the user can act on; the message says how. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
  /** True when the failure is that a database does not answer (exit 4 in the CLI). */
  readonly unreachable: boolean;
  /** Log lines that explain the failure, printed after the message. */
  readonly details: string[];
  constructor(message: string, options: { unreachable?: boolean; details?: string[] } = {}) {
    super(message);
    this.unreachable = options.unreachable ?? false;
    this.details = options.details ?? [];
  }
}
