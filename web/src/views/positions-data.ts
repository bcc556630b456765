/**
 * Fetches the positions matrix: Query.positions once per column, batched into few
 * requests with aliases, each with its count and a first page; a column with more
 * positions is read on a page at a time (decision 0049). A batch stays under the
 * server's alias and cost limits and is halved when the server still finds it too large.
 */
import { ApiError, type GraphqlClient } from '../api/graphql-client.js';
import { batchDocument, DEFAULT_BATCH, FIRST_PAGE, MORE_PAGE, pageDocument, type Axis, type ColumnPositions, type PageData, type TableData } from '../operations/positions.js';

export type { Axis, Column, ColumnPositions, PositionCell } from '../operations/positions.js';

/** Fetches the positions of every column, in column order. */
export async function fetchPositions(
  client: GraphqlClient,
  axis: Axis,
  ids: readonly string[],
  options: { asOf: string | null; includeDerived: boolean; signal: AbortSignal; batch?: number; firstPage?: number; morePage?: number },
): Promise<ColumnPositions[]> {
  let batch = options.batch ?? DEFAULT_BATCH;
  const out: ColumnPositions[] = [];
  for (let start = 0; start < ids.length; ) {
    const chunk = ids.slice(start, start + batch);
    const variables: Record<string, unknown> = { asOf: options.asOf, derived: options.includeDerived, first: options.firstPage ?? FIRST_PAGE };
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
    for (const [i, id] of chunk.entries()) {
      const table = data[`c${i}`];
      if (!table) continue;
      const column = (axis === 'demand' ? table.demand : table.issue) ?? { id, label: id };
      const positions = [...table.positions];
      while (positions.length < table.count) {
        const more = await readOn(client, axis, id, positions.length, options);
        if (more.length === 0) break;
        positions.push(...more);
      }
      out.push({ column, asOf: table.asOf, positions });
    }
    start += chunk.length;
  }
  return out;
}

/** The positions of one column from `offset` on, one page. */
async function readOn(
  client: GraphqlClient,
  axis: Axis,
  id: string,
  offset: number,
  options: { asOf: string | null; includeDerived: boolean; signal: AbortSignal; morePage?: number },
): Promise<TableData['positions']> {
  const variables = { t0: id, asOf: options.asOf, derived: options.includeDerived, first: options.morePage ?? MORE_PAGE, offset };
  const data = await client.request<PageData>(pageDocument(axis), variables, { signal: options.signal });
  return data.c0?.positions ?? [];
}
