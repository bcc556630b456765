/** What a fault run must show to pass: the checks, shared by the CLI and the tests. */
import type { ApiFaultResult } from './faults-api.js';

/** The problems of an API fault run; empty when every check held. */
export function apiFaultVerdict(result: ApiFaultResult): string[] {
  const problems: string[] = [];
  for (const c of result.cycles) {
    if (c.before.errors > 0) problems.push(`[${c.mode}] ${c.before.errors} errors before Neo4j was stopped`);
    if (c.outage.requests === 0) problems.push(`[${c.mode}] no request was sent during the outage`);
    if (c.outage.unavailable !== c.outage.requests) {
      problems.push(`[${c.mode}] ${c.outage.requests - c.outage.unavailable} of ${c.outage.requests} requests during the outage were not answered with SERVICE_UNAVAILABLE`);
    }
    if (!c.serverStayedUp) problems.push(`[${c.mode}] the server process did not stay up (health failures: ${c.healthFailures})`);
    if (c.recovery.firstOkMs === null) problems.push(`[${c.mode}] no request succeeded after Neo4j came back`);
  }
  if (result.after.errors > 0) problems.push(`${result.after.errors} errors in the clean load after the cycles`);
  return problems;
}
