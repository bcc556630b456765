/**
 * Fetches the positions matrix: Query.positions once per column, batched into few
 * requests with aliases. A batch stays under the server's alias limit (default 30) and
 * is halved when the server still finds it too large.
 */
import { ApiError, type GraphqlClient } from '../api/graphql-client.js';
import { batchDocument, DEFAULT_BATCH, type Axis, type ColumnPositions, type TableData } from '../operations/positions.js';

export type { Axis, Column, ColumnPositions, PositionCell } from '../operations/positions.js';

/** Fetches the positions of every column, in column order. */
export async function fetchPositions(
  client: GraphqlClient,
  axis: Axis,
  ids: readonly string[],
  options: { asOf: string | null; includeDerived: boolean; signal: AbortSignal; batch?: number },
): Promise<ColumnPositions[]> {
  let batch = options.batch ?? DEFAULT_BATCH;
  const out: ColumnPositions[] = [];
  for (let start = 0; start < ids.length; ) {
    const chunk = ids.slice(start, start + batch);
    const variables: Record<string, unknown> = { asOf: options.asOf, derived: options.includeDerived };
    chunk.forEach((id, i) => (variables[`t${i}`] = id));
    let data: Record<string, TableData>;
    try {
      data = await client.request<Record<string, TableData>>(batchDocument(axis, chunk.length), variables, { signal: options.signal });
    } catch (err) {
      const tooLarge = err instanceof ApiError && (err.has('TOO_MANY_ALIASES') || err.has('QUERY_TOO_COSTLY') || err.has('TOO_MANY_TOKENS'));
      if (tooLarge && batch > 1) {
        batch = Math.max(1, Math.floor(batch / 2));
        continue;
      }
      throw err;
    }
    chunk.forEach((id, i) => {
      const table = data[`c${i}`];
      if (!table) return;
      const column = (axis === 'demand' ? table.demand : table.issue) ?? { id, label: id };
      out.push({ column, asOf: table.asOf, positions: table.positions });
    });
    start += chunk.length;
  }
  return out;
}
