/** The positions view's exports: the matrix as CSV, a link to the view, a citation of the selected cell. */
import type { ViewContext } from '../app/view.js';
import { formatDate } from '../text/dates.js';
import { positionReason } from '../text/position-words.js';
import { enumLabel } from '../text/vocabulary.js';
import { citationText, fetchProvenance } from '../ui/cite.js';
import { copyLinkAction, copyText, downloadCsv, fileName, toolbar } from '../ui/export.js';
import type { MatrixRow } from './positions-matrix.js';
import { groupColumns } from './positions-matrix.js';
import type { PositionsResult } from './positions-load.js';
import type { PositionsState } from './positions-state.js';

/** The matrix as rows of text: a header, then one row per actor, each cell "Rejects (inherited)". */
export function matrixCsvRows(res: PositionsResult, rows: readonly MatrixRow[]): string[][] {
  const columns = groupColumns(res.axis, res.columns).flatMap((g) => g.columns);
  const header = ['Actor', 'Actor kind', ...columns.map((c) => c.column.label)];
  const body = rows.map((r) => [
    r.actor.label,
    enumLabel('ActorKind', r.actor.kind),
    ...columns.map((c) => (r.cells.get(c.column.id) ?? []).map((p) => `${enumLabel('StanceKind', p.kind)}${p.derived ? ' (inherited)' : p.basis === 'DEMANDED' ? ' (made the demand)' : ''}`).join('; ')),
  ]);
  return [header, ...body];
}

/** The toolbar over the matrix. */
export function positionsToolbar(ctx: ViewContext, res: PositionsResult, rows: readonly MatrixRow[], state: () => PositionsState): HTMLElement {
  return toolbar('Export the matrix', [
    {
      name: 'export-csv',
      label: 'Download CSV',
      run: () => (downloadCsv(`${fileName('positions', res.asOf)}.csv`, matrixCsvRows(res, rows)), `CSV downloaded: ${rows.length} actors.`),
    },
    copyLinkAction(),
    {
      name: 'cite',
      label: 'Cite selected cell',
      run: async () => {
        const cell = state().cell;
        const row = cell ? rows.find((r) => r.actor.id === cell.actor) : undefined;
        const positions = cell ? (row?.cells.get(cell.column) ?? []) : [];
        if (positions.length === 0) return 'Select a cell with a position first (click it or move to it with the arrow keys).';
        const ids = positions.map((p) => p.stance?.id ?? p.target.id);
        const facts = await fetchProvenance(ctx.client, ids, ctx.signal);
        const heading = `${positions.map(positionReason).join(' ')} (Positions as of ${formatDate(res.asOf)}.)`;
        await copyText(citationText(heading, facts));
        return 'Citation copied: the position, its quotes and sources.';
      },
    },
  ]);
}
