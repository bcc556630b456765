/**
 * The positions matrix as a keyboard grid: actors by demands or issues, each cell
 * coloured by stance; demands grouped under their issue; the actor column and the
 * header stay in view while the grid scrolls. Inherited (derived) positions are
 * hatched and italic and say "derived" to screen readers; every cell's reasoning shows
 * in a tooltip on hover and on focus, and is the cell's accessible description.
 */
import { entityHref, routeHref } from '../app/router.js';
import { positionReason } from '../text/position-words.js';
import { enumLabel } from '../text/vocabulary.js';
import { h, srOnly, uniqueId, type Child } from '../ui/dom.js';
import { labelLink } from '../ui/localized.js';
import { STANCE_STYLE, stanceName } from '../ui/kinds.js';
import type { Axis, ColumnPositions, PositionCell } from './positions-data.js';
import { wireTooltip } from './matrix-tooltip.js';

/** One actor's row. */
export interface MatrixRow {
  actor: PositionCell['actor'];
  /** Whether the actor holds any position itself (not only inherited ones). */
  stated: boolean;
  cells: Map<string, PositionCell[]>;
}

/** Rows: actors with stated positions first, then the rest, each group by name. */
export function buildRows(columns: readonly ColumnPositions[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const col of columns) {
    for (const p of col.positions) {
      const row = rows.get(p.actor.id) ?? { actor: p.actor, stated: false, cells: new Map() };
      row.stated ||= !p.derived;
      row.cells.set(col.column.id, [...(row.cells.get(col.column.id) ?? []), p]);
      rows.set(p.actor.id, row);
    }
  }
  return [...rows.values()].sort((a, b) => Number(b.stated) - Number(a.stated) || a.actor.label.localeCompare(b.actor.label));
}

/** Column groups: demands under their first issue (issues alone form one group); columns reordered to match. */
export function groupColumns(axis: Axis, columns: readonly ColumnPositions[]): { label: string; columns: ColumnPositions[] }[] {
  if (axis === 'issue') return [{ label: '', columns: [...columns] }];
  const groups = new Map<string, { label: string; columns: ColumnPositions[] }>();
  for (const c of columns) {
    const issue = c.column.issues?.[0];
    const key = issue?.id ?? '';
    const g = groups.get(key) ?? { label: issue?.label ?? 'No issue', columns: [] };
    g.columns.push(c);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Where Enter or a click on a position leads: its stance, or the demand for its maker. */
function positionHref(p: PositionCell): string {
  return p.stance ? routeHref('entity', p.stance.id) : entityHref(p.target);
}

/** What the matrix needs besides its data. */
export interface MatrixOptions {
  caption: string;
  navigate: (href: string) => void;
  /** The cell to select on first render. */
  selected: { actor: string; column: string } | null;
  /** Called when a cell is selected (focused). */
  onSelect: (cell: { actor: string; column: string }) => void;
}

/** Renders the matrix (with its floating tooltip). */
export function positionsMatrix(axis: Axis, columns: readonly ColumnPositions[], rows: readonly MatrixRow[], opts: MatrixOptions): HTMLElement {
  const groups = groupColumns(axis, columns);
  const ordered = groups.flatMap((g) => g.columns);
  const grouped = groups.length > 1 || (groups[0]?.label ?? '') !== '';
  const captionId = uniqueId('matrix-caption');
  const tooltip = h('div', { class: 'tooltip', role: 'tooltip', id: uniqueId('matrix-tooltip'), hidden: true });
  const headLink = (c: ColumnPositions): Child => labelLink(axis === 'demand' ? routeHref('demand', c.column.id) : routeHref('entity', c.column.id), c.column, { tabindex: -1 });
  const table = h(
    'table',
    { class: `matrix${grouped ? ' grouped' : ''}`, role: 'grid', 'aria-labelledby': captionId, 'aria-rowcount': rows.length + (grouped ? 2 : 1), 'aria-colcount': ordered.length + 1 },
    h(
      'thead',
      null,
      grouped
        ? h(
            'tr',
            { class: 'group-row' },
            h('td', { class: 'corner', 'aria-hidden': 'true' }),
            groups.map((g) => h('th', { scope: 'colgroup', colspan: g.columns.length, class: 'group-head' }, g.label)),
          )
        : null,
      h('tr', { class: 'head-row' }, h('th', { scope: 'col', class: 'corner' }, 'Actor'), ordered.map((c) => h('th', { scope: 'col', class: 'col-head', 'data-column': c.column.id }, headLink(c)))),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          { 'data-actor': row.actor.id },
          h('th', { scope: 'row', class: 'row-head' }, labelLink(routeHref('actor', row.actor.id), row.actor, { tabindex: -1 }), h('span', { class: 'row-kind muted' }, enumLabel('ActorKind', row.actor.kind))),
          ordered.map((c) => cell(row, c)),
        ),
      ),
    ),
  );

  const pick = opts.selected ? table.querySelector<HTMLElement>(`tr[data-actor="${CSS.escape(opts.selected.actor)}"] td[data-column="${CSS.escape(opts.selected.column)}"]`) : null;
  const first = pick ?? table.querySelector<HTMLElement>('tbody td');
  if (first) first.tabIndex = 0;
  if (pick) pick.setAttribute('aria-selected', 'true');
  wireGrid(table, opts);
  wireTooltip(table, tooltip);
  const caption = h('p', { id: captionId, class: 'matrix-caption' }, h('strong', null, opts.caption), h('span', { class: 'muted' }, ' Arrow keys move between cells, Enter opens the stance behind a cell, Escape hides the explanation.'));
  const scroll = h('div', { class: 'matrix-scroll', tabindex: -1 }, table);
  // The second header row sticks below the first: its offset is the first row's height.
  if (grouped) {
    requestAnimationFrame(() => {
      const first = table.querySelector<HTMLElement>('tr.group-row');
      if (first) table.style.setProperty('--group-row-height', `${first.getBoundingClientRect().height}px`);
    });
  }
  return h('div', { class: 'matrix-wrap' }, caption, scroll, tooltip);
}

function cell(row: MatrixRow, col: ColumnPositions): HTMLTableCellElement {
  const positions = row.cells.get(col.column.id) ?? [];
  if (positions.length === 0) {
    return h('td', { class: 'cell empty', tabindex: -1, 'data-column': col.column.id }, h('span', { 'aria-hidden': 'true' }, '·'), srOnly('no position'));
  }
  const descId = uniqueId('reasoning');
  const derived = positions.every((p) => p.derived);
  return h(
    'td',
    {
      class: `cell${derived ? ' derived' : ''}`,
      tabindex: -1,
      'aria-describedby': descId,
      'data-column': col.column.id,
      'data-derived': String(derived),
      'data-href': positionHref(positions[0]!),
    },
    positions.map((p) => {
      const style = STANCE_STYLE[p.kind];
      return h(
        'span',
        { class: `pos${p.derived ? ' derived' : ''}`, 'data-kind': p.kind, style: style ? `--chip-fg:${style.fg};--chip-bg:${style.bg}` : null },
        stanceName(p.kind),
        p.derived ? [h('span', { class: 'derived-mark', 'aria-hidden': 'true' }, ' ↳'), srOnly(' (derived)')] : null,
        p.basis === 'DEMANDED' ? srOnly(' (made the demand)') : null,
      );
    }),
    h('span', { id: descId, class: 'visually-hidden', 'data-tip': '' }, positions.map((p) => positionReason(p)).join(' ')),
  );
}

/** Roving tabindex over all cells (headers included): arrows, Home/End, Ctrl+Home/End, Enter; focus selects. */
function wireGrid(table: HTMLTableElement, opts: MatrixOptions): void {
  const grid = (): HTMLElement[][] => [...table.tBodies[0]!.rows, ...[...table.tHead!.rows].filter((r) => r.classList.contains('head-row'))].sort((a, b) => a.rowIndex - b.rowIndex).map((r) => [...r.cells]);
  const target = (c: HTMLElement): HTMLElement => c.querySelector<HTMLElement>('a') ?? c;
  const focusCell = (to: HTMLElement | undefined): void => {
    if (!to || to.classList.contains('corner')) return;
    table.querySelectorAll<HTMLElement>('[tabindex="0"]').forEach((el) => (el.tabIndex = -1));
    const t = target(to);
    t.tabIndex = 0;
    t.focus();
  };
  table.addEventListener('focusin', (event) => {
    const td = (event.target as HTMLElement).closest<HTMLElement>('td[data-column]');
    const actor = td?.closest('tr')?.dataset.actor;
    if (!td || !actor) return;
    table.querySelectorAll('[aria-selected="true"]').forEach((el) => el.removeAttribute('aria-selected'));
    td.setAttribute('aria-selected', 'true');
    opts.onSelect({ actor, column: td.dataset.column! });
  });
  table.addEventListener('keydown', (event) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('th, td');
    if (!current) return;
    const cells = grid();
    const r = cells.findIndex((row) => row.includes(current));
    const c = cells[r]?.indexOf(current) ?? -1;
    if (r < 0 || c < 0) return;
    const lastRow = cells.length - 1;
    const lastCol = (cells[r]?.length ?? 1) - 1;
    const moves: Record<string, () => HTMLElement | undefined> = {
      ArrowRight: () => cells[r]?.[Math.min(c + 1, lastCol)],
      ArrowLeft: () => cells[r]?.[Math.max(c - 1, 0)],
      ArrowDown: () => cells[Math.min(r + 1, lastRow)]?.[c],
      ArrowUp: () => cells[Math.max(r - 1, 0)]?.[c],
      Home: () => (event.ctrlKey ? cells[1]?.[1] : cells[r]?.[0]),
      End: () => (event.ctrlKey ? cells[lastRow]?.[lastCol] : cells[r]?.[lastCol]),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusCell(move());
    } else if (event.key === 'Enter' && current.dataset.href) {
      event.preventDefault();
      opts.navigate(current.dataset.href);
    }
  });
  table.addEventListener('click', (event) => {
    const td = (event.target as HTMLElement).closest<HTMLElement>('td[data-href]');
    if (td?.dataset.href) opts.navigate(td.dataset.href);
  });
}
