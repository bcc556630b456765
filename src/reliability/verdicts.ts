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
    const w = c.writes;
    if (w) {
      if (w.before.acknowledged === 0) problems.push(`[${c.mode}] no write was acknowledged before Neo4j was stopped`);
      if (w.before.errors > 0) problems.push(`[${c.mode}] ${w.before.errors} writes failed before Neo4j was stopped`);
      if (w.outage.sent === 0) problems.push(`[${c.mode}] no write was sent during the outage`);
      if (w.outage.unavailable !== w.outage.sent) {
        problems.push(`[${c.mode}] ${w.outage.sent - w.outage.unavailable} of ${w.outage.sent} writes during the outage were not answered with SERVICE_UNAVAILABLE`);
      }
      if (w.falseAcks.length > 0) problems.push(`[${c.mode}] ${w.falseAcks.length} writes acknowledged while Neo4j was down: ${w.falseAcks.slice(0, 5).join(', ')}`);
      if (w.after.acknowledged === 0) problems.push(`[${c.mode}] no write was acknowledged after Neo4j came back`);
    }
  }
  if (result.after.errors > 0) problems.push(`${result.after.errors} errors in the clean load after the cycles`);
  const v = result.writes?.verification;
  if (result.writes && v) {
    if (v.lost.length > 0) problems.push(`${v.lost.length} acknowledged writes lost: ${v.lost.slice(0, 5).join(', ')}`);
    if (v.duplicated.length > 0) problems.push(`${v.duplicated.length} acknowledged writes stored more than once: ${v.duplicated.slice(0, 5).join(', ')}`);
    if (v.badChange.length > 0) problems.push(`${v.badChange.length} acknowledged writes without exactly one Change record (the one answered): ${v.badChange.slice(0, 5).join(', ')}`);
    // An UNCHANGED for a fresh id (a transaction retried by the driver after a commit whose
    // answer was lost) is not a lost write: it is reported in the figures, not failed.
  }
  return problems;
}
