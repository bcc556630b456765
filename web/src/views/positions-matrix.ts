/**
 * The positions matrix as a keyboard grid: actors by demands or issues, each cell
 * coloured by stance. Inherited (derived) positions are hatched and italic and say
 * "derived" to screen readers; every cell's reasoning shows in a tooltip on hover and
 * on focus, and is the cell's accessible description (aria-describedby).
 */
import { entityHref, routeHref } from '../app/router.js';
import { h, srOnly, uniqueId } from '../ui/dom.js';
import { STANCE_STYLE, stanceName } from '../ui/kinds.js';
import type { Axis, ColumnPositions, PositionCell } from './positions-data.js';

interface Row {
  actor: PositionCell['actor'];
  /** Whether the actor holds any position itself (not only inherited ones). */
  stated: boolean;
  cells: Map<string, PositionCell[]>;
}

/** Rows: actors with stated positions first, then the rest, each group by name. */
function buildRows(columns: readonly ColumnPositions[]): Row[] {
  const rows = new Map<string, Row>();
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

/** Where Enter or a click on a position leads: its stance, or the demand for its maker. */
function positionHref(p: PositionCell): string {
  return p.stance ? routeHref('entity', p.stance.id) : entityHref(p.target);
}

/** Renders the matrix (with its floating tooltip) for the given columns. */
export function positionsMatrix(axis: Axis, columns: readonly ColumnPositions[], asOf: string, navigate: (href: string) => void): HTMLElement {
  const rows = buildRows(columns);
  const captionId = uniqueId('matrix-caption');
  const tooltip = h('div', { class: 'tooltip', role: 'tooltip', id: uniqueId('matrix-tooltip'), hidden: true });
  const table = h(
    'table',
    { class: 'matrix', role: 'grid', 'aria-labelledby': captionId, 'aria-rowcount': rows.length + 1, 'aria-colcount': columns.length + 1 },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'corner' }, 'Actor'),
        columns.map((c) => h('th', { scope: 'col', class: 'col-head' }, h('a', { href: axis === 'demand' ? routeHref('demand', c.column.id) : routeHref('entity', c.column.id), tabindex: -1 }, c.column.label))),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          { 'data-actor': row.actor.id },
          h('th', { scope: 'row', class: 'row-head' }, h('a', { href: routeHref('actor', row.actor.id), tabindex: -1 }, row.actor.label)),
          columns.map((c) => cell(row, c)),
        ),
      ),
    ),
  );

  const firstCell = table.querySelector<HTMLElement>('tbody td');
  if (firstCell) firstCell.tabIndex = 0;
  wireGrid(table, navigate);
  wireTooltip(table, tooltip);
  const what = axis === 'demand' ? (columns.length === 1 ? 'demand' : 'demands') : columns.length === 1 ? 'issue' : 'issues';
  // Outside the scrolling box, so that it stays readable on a narrow screen.
  const caption = h(
    'p',
    { id: captionId, class: 'matrix-caption' },
    h('strong', null, `Positions of ${rows.length} actors on ${columns.length} ${what}, as of ${asOf}.`),
    h('span', { class: 'muted' }, ' Arrow keys move between cells, Enter opens the stance behind a cell, Escape hides the explanation.'),
  );
  return h('div', { class: 'matrix-wrap' }, caption, h('div', { class: 'matrix-scroll' }, table), tooltip);
}

function cell(row: Row, col: ColumnPositions): HTMLTableCellElement {
  const positions = row.cells.get(col.column.id) ?? [];
  if (positions.length === 0) {
    return h('td', { class: 'cell empty', tabindex: -1, 'data-column': col.column.id }, h('span', { 'aria-hidden': 'true' }, '·'), srOnly('no position'));
  }
  const descId = uniqueId('reasoning');
  const derived = positions.every((p) => p.derived);
  const td = h(
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
    h(
      'span',
      { id: descId, class: 'visually-hidden', 'data-tip': '' },
      positions.map((p) => `${p.derived ? 'Derived' : p.basis === 'DEMANDED' ? 'Demanded' : 'Stated'}: ${p.reasoning}. `).join(''),
    ),
  );
  return td;
}

/** Roving tabindex over all cells (headers included): arrows, Home/End, Ctrl+Home/End, Enter. */
function wireGrid(table: HTMLTableElement, navigate: (href: string) => void): void {
  const grid = (): HTMLElement[][] => [...table.rows].map((r) => [...r.cells]);
  const target = (c: HTMLElement): HTMLElement => c.querySelector<HTMLElement>('a') ?? c;
  const focusCell = (to: HTMLElement | undefined): void => {
    if (!to || to.classList.contains('corner')) return;
    table.querySelectorAll<HTMLElement>('[tabindex="0"]').forEach((el) => (el.tabIndex = -1));
    const t = target(to);
    t.tabIndex = 0;
    t.focus();
  };
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
      navigate(current.dataset.href);
    }
  });
  table.addEventListener('click', (event) => {
    const td = (event.target as HTMLElement).closest<HTMLElement>('td[data-href]');
    if (td?.dataset.href) navigate(td.dataset.href);
  });
}

/** One floating tooltip for the whole table, shown beside the hovered or focused cell. */
function wireTooltip(table: HTMLTableElement, tooltip: HTMLElement): void {
  let anchor: HTMLElement | null = null;
  const place = (td: HTMLElement): void => {
    const rect = td.getBoundingClientRect();
    const tip = tooltip.getBoundingClientRect();
    const below = rect.bottom + 6 + tip.height < window.innerHeight;
    const top = below ? rect.bottom + 6 : Math.max(6, rect.top - tip.height - 6);
    const left = Math.min(Math.max(6, rect.left), window.innerWidth - tip.width - 6);
    tooltip.style.top = `${top}px`;
    tooltip.style.left = `${left}px`;
  };
  const show = (td: HTMLElement): void => {
    const text = td.querySelector('[data-tip]')?.textContent;
    if (!text) return;
    anchor = td;
    tooltip.textContent = text;
    tooltip.hidden = false;
    place(td);
  };
  const hide = (td?: HTMLElement): void => {
    if (td && td !== anchor) return;
    anchor = null;
    tooltip.hidden = true;
  };
  table.addEventListener('focusin', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td');
    if (td) show(td);
    else hide();
  });
  table.addEventListener('focusout', () => hide());
  table.addEventListener('mouseover', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td');
    if (td) show(td);
  });
  table.addEventListener('mouseout', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td');
    if (td && !td.contains(e.relatedTarget as Node | null)) hide(td);
  });
  table.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  // The tooltip is fixed to the viewport: follow the cell when the page or the table scrolls.
  const onScroll = (): void => {
    if (!table.isConnected) window.removeEventListener('scroll', onScroll, true);
    else if (anchor) place(anchor);
  };
  window.addEventListener('scroll', onScroll, { passive: true, capture: true });
}
