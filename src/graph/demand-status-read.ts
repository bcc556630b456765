/**
 * What Demand.status is worked out from, read without listing the members who inherit
 * (decision 0054): the stated positions, the inherited ones counted per kind from the
 * derived membership dates, and the newest stated stances (cypher/read/demand-status.cypher).
 */
import { toEntityRecord } from './entity-record.js';
import type { DemandStatusParts } from './demand-status.js';
import type { GraphReader, Row } from './graph-reader.js';
import { endOfPeriod } from './dates.js';

/**
 * The status parts of each demand as of a date, in the order demandStatusOf sees the
 * full list (stated positions by actor name, then kind; the inherited after them), so
 * the counts come out in the same order.
 */
export async function findDemandStatusParts(reader: GraphReader, args: { demandIds: string[]; asOf: string | null }): Promise<Map<string, DemandStatusParts>> {
  const rows = await reader.read('demand-status', { demandIds: args.demandIds, asOf: endOfPeriod(args.asOf) });
  const out = new Map<string, DemandStatusParts>();
  for (const row of rows) {
    const names = new Map((row.names as Array<[string, unknown]>).map(([id, name]) => [id, String(name)]));
    const stated = (row.stated as Row[])
      .map((d) => ({ id: d.id as string, name: names.get(d.id as string) ?? 'undefined', kind: d.kind as string }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
    out.set(row.demandId as string, {
      counted: [...stated.map((d) => ({ kind: d.kind, derived: false, n: 1 })), ...(row.inherited as Row[]).map((c) => ({ kind: c.kind as string, derived: true, n: Number(c.n) }))],
      answers: [...(row.makers as string[]).map((id) => ({ actorId: id, kind: 'SUPPORTS' })), ...stated.map((d) => ({ actorId: d.id, kind: d.kind }))],
      newest: (row.latest as unknown[]).map((props) => toEntityRecord({ props, label: 'Stance' })!),
    });
  }
  return out;
}
