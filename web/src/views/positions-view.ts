/**
 * `#/positions`: the positions matrix. `?demand=a,b` or `?issue=x` picks the columns;
 * `?axis=issue` shows every issue, the default every demand; `?asOf=2022-01-12` and
 * `?derived=0` (stated positions only) refine it.
 */
import { routeHref, type Route } from '../app/router.js';
import type { ViewMount } from '../app/view.js';
import { type ColumnsData, allDemandsQuery, allIssuesQuery } from '../operations/positions.js';
import { append, h, replaceChildren } from '../ui/dom.js';
import { STANCE_STYLE } from '../ui/kinds.js';
import { emptyPanel, load } from '../ui/status.js';
import { fetchPositions, type Axis } from './positions-data.js';
import { positionsMatrix } from './positions-matrix.js';

interface MatrixRequest {
  axis: Axis;
  /** Explicit columns, or empty for all of the axis. */
  ids: string[];
  asOf: string | null;
  includeDerived: boolean;
}

const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function requestOf(route: Route): MatrixRequest {
  const list = (v: string | null): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const demands = list(route.query.get('demand'));
  const issues = list(route.query.get('issue'));
  const axis: Axis = demands.length > 0 ? 'demand' : issues.length > 0 ? 'issue' : route.query.get('axis') === 'issue' ? 'issue' : 'demand';
  const asOf = route.query.get('asOf');
  return { axis, ids: axis === 'demand' ? demands : issues, asOf: asOf && partialDate.test(asOf) ? asOf : null, includeDerived: route.query.get('derived') !== '0' };
}

/** Mounts the positions view. */
export const mountPositionsView: ViewMount = (outlet, route, ctx) => {
  const axisDemand = h('input', { type: 'radio', name: 'axis', value: 'demand', id: 'axis-demand' });
  const axisIssue = h('input', { type: 'radio', name: 'axis', value: 'issue', id: 'axis-issue' });
  const asOf = h('input', { type: 'text', id: 'positions-asof', name: 'asOf', inputmode: 'numeric', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', placeholder: 'today', size: 10, 'aria-describedby': 'positions-asof-hint' });
  const derived = h('input', { type: 'checkbox', id: 'positions-derived', name: 'derived' });
  const form = h(
    'form',
    { class: 'controls-form', 'aria-label': 'Matrix options' },
    h('fieldset', { class: 'inline-fieldset' }, h('legend', null, 'Columns'), h('label', { class: 'check' }, axisDemand, ' Demands'), h('label', { class: 'check' }, axisIssue, ' Issues')),
    h('div', { class: 'field' }, h('label', { for: 'positions-asof' }, 'As of'), asOf, h('span', { id: 'positions-asof-hint', class: 'muted small' }, ' YYYY, YYYY-MM or YYYY-MM-DD')),
    h('label', { class: 'check' }, derived, ' Include inherited positions'),
    h('button', { type: 'submit', class: 'button primary' }, 'Show'),
  );
  const scope = h('p', { class: 'scope' });
  const body = h('div', { class: 'positions-body' });
  append(outlet, h('h1', null, 'Positions'), h('p', { class: 'muted' }, 'Each actor’s position on each demand or issue: stances it took itself, and those it inherits from an organisation it belongs to on the date.'), form, legend(), scope, body);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const current = requestOf(latest);
    const axis: Axis = axisIssue.checked ? 'issue' : 'demand';
    const keep = axis === current.axis && current.ids.length > 0 ? current.ids.join(',') : undefined;
    ctx.navigate(
      routeHref('positions', undefined, {
        [axis]: keep,
        axis: keep ? undefined : axis === 'issue' ? 'issue' : undefined,
        asOf: asOf.value.trim() || undefined,
        derived: derived.checked ? undefined : '0',
      }),
    );
  });

  let latest = route;
  const show = (r: Route): void => {
    latest = r;
    const req = requestOf(r);
    axisDemand.checked = req.axis === 'demand';
    axisIssue.checked = req.axis === 'issue';
    asOf.value = req.asOf ?? '';
    derived.checked = req.includeDerived;
    ctx.setTitle('Positions');
    replaceChildren(
      scope,
      req.ids.length > 0 ? [`Showing ${req.ids.length} chosen ${req.axis === 'demand' ? 'demand' : 'issue'}${req.ids.length === 1 ? '' : 's'}. `, h('a', { href: routeHref('positions', undefined, { axis: req.axis === 'issue' ? 'issue' : undefined }) }, `Show all ${req.axis === 'demand' ? 'demands' : 'issues'}`)] : '',
    );
    void load(
      ctx,
      body,
      'the positions',
      async (signal) => {
        let ids = req.ids;
        if (ids.length === 0) {
          const cols = await ctx.client.request<ColumnsData>(req.axis === 'demand' ? allDemandsQuery : allIssuesQuery, {}, { signal });
          ids = req.axis === 'demand' ? (cols.demands?.edges.map((e) => e.node.id) ?? []) : (cols.issues?.map((i) => i.id) ?? []);
        }
        return fetchPositions(ctx.client, req.axis, ids, { asOf: req.asOf, includeDerived: req.includeDerived, signal });
      },
      (columns) => {
        const withPositions = columns.filter((c) => c.positions.length > 0);
        if (columns.length === 0 || withPositions.length === 0) {
          body.append(emptyPanel(columns.length === 0 ? `There are no ${req.axis === 'demand' ? 'demands' : 'issues'} in the graph.` : 'No actor holds a position here on this date.', 'Try another date or include inherited positions.'));
          return 'No positions.';
        }
        const asOfShown = columns[0]?.asOf ?? req.asOf ?? 'today';
        body.append(positionsMatrix(req.axis, columns, asOfShown, ctx.navigate));
        return `Positions matrix loaded: ${columns.length} columns.`;
      },
    );
  };
  show(route);
  return { update: show };
};

function legend(): HTMLElement {
  return h(
    'details',
    { class: 'legend-box' },
    h('summary', null, 'Legend'),
    h(
      'ul',
      { class: 'legend stance-legend' },
      Object.entries(STANCE_STYLE).map(([kind, s]) => h('li', null, h('span', { class: 'pos', style: `--chip-fg:${s.fg};--chip-bg:${s.bg}`, 'data-kind': kind }, s.name))),
      h('li', null, h('span', { class: 'pos derived', style: `--chip-fg:${STANCE_STYLE.REJECTS.fg};--chip-bg:${STANCE_STYLE.REJECTS.bg}` }, 'Rejects ↳'), ' hatched, italic: inherited through a membership (derived)'),
    ),
  );
}
