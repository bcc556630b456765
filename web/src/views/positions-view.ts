/**
 * `#/positions`: the positions matrix, its filters (actor kind, organisation, stated
 * positions only), a date slider over the dates at which positions change, "positions
 * over time" for a single demand or issue, and its exports (CSV, citation, link).
 * All state lives in the URL (positions-state.ts).
 */
import { routeHref, type Route } from '../app/router.js';
import type { ViewMount } from '../app/view.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { append, h, replaceChildren } from '../ui/dom.js';
import { STANCE_STYLE } from '../ui/kinds.js';
import { emptyPanel, load } from '../ui/status.js';
import { replaceQuery } from '../ui/url-state.js';
import { loadPositions, type PositionsResult } from './positions-load.js';
import { buildRows, positionsMatrix } from './positions-matrix.js';
import { positionsOverTime } from './positions-over-time.js';
import { queryOf, stateOf, type PositionsState } from './positions-state.js';
import { positionsToolbar } from './positions-toolbar.js';

const ORGANISATION_KINDS = new Set(['ALLIANCE', 'INTERGOVERNMENTAL_ORGANIZATION', 'FORUM']);

/** Mounts the positions view. */
export const mountPositionsView: ViewMount = (outlet, route, ctx) => {
  const axisDemand = h('input', { type: 'radio', name: 'axis', value: 'demand', id: 'axis-demand' });
  const axisIssue = h('input', { type: 'radio', name: 'axis', value: 'issue', id: 'axis-issue' });
  const asOf = h('input', { type: 'text', id: 'positions-asof', name: 'asOf', inputmode: 'numeric', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', placeholder: 'latest', size: 10, 'aria-describedby': 'positions-asof-hint' });
  const kind = h('select', { id: 'positions-kind', name: 'kind' }, h('option', { value: '' }, 'Any kind'));
  const org = h('select', { id: 'positions-org', name: 'org' }, h('option', { value: '' }, 'Any'));
  const statedOnly = h('input', { type: 'checkbox', id: 'positions-stated', name: 'stated' });
  const slider = h('input', { type: 'range', id: 'positions-slider', min: 0, max: 0, step: 1, value: 0, 'aria-describedby': 'positions-slider-hint' });
  const sliderText = h('output', { for: 'positions-slider', class: 'slider-value' });
  const form = h(
    'form',
    { class: 'controls-form', 'aria-label': 'Matrix options' },
    h('fieldset', { class: 'inline-fieldset' }, h('legend', null, 'Columns'), h('label', { class: 'check' }, axisDemand, ' Demands'), h('label', { class: 'check' }, axisIssue, ' Issues')),
    h('div', { class: 'field' }, h('label', { for: 'positions-asof' }, 'As of'), asOf, h('span', { id: 'positions-asof-hint', class: 'muted small' }, ' YYYY, YYYY-MM or YYYY-MM-DD')),
    h('div', { class: 'field' }, h('label', { for: 'positions-kind' }, 'Actor kind'), kind),
    h('div', { class: 'field' }, h('label', { for: 'positions-org' }, 'Organisation and its members'), org),
    h('label', { class: 'check' }, statedOnly, ' Only stated positions'),
    h('button', { type: 'submit', class: 'button primary' }, 'Show'),
  );
  const sliderBox = h(
    'div',
    { class: 'date-slider', hidden: true },
    h('label', { for: 'positions-slider' }, 'Move through time'),
    slider,
    sliderText,
    h('span', { id: 'positions-slider-hint', class: 'muted small' }, 'Each step is a date at which a position begins: a stance, a demand, or a member joining.'),
  );
  const scope = h('p', { class: 'scope' });
  const asOfNote = h('p', { class: 'asof-note', id: 'positions-asof-note' });
  const tools = h('div', { class: 'positions-tools' });
  const overTime = h('div', { class: 'over-time' });
  const body = h('div', { class: 'positions-body' });
  append(
    outlet,
    h('h1', null, 'Positions'),
    h('p', { class: 'muted' }, 'Each actor’s position on each demand or issue: stances it took itself, and those it inherits from an organisation it belongs to on the date.'),
    form,
    sliderBox,
    legend(),
    scope,
    asOfNote,
    tools,
    body,
    overTime,
  );

  let state: PositionsState = stateOf(route);
  let stops: string[] = [];
  const go = (next: PositionsState): void => ctx.navigate(routeHref('positions', undefined, queryOf(next)));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const axis = axisIssue.checked ? 'issue' : 'demand';
    go({
      ...state,
      axis,
      ids: axis === state.axis ? state.ids : [],
      asOf: asOf.value.trim() || null,
      includeDerived: !statedOnly.checked,
      kind: kind.value || null,
      org: org.value || null,
    });
  });
  slider.addEventListener('change', () => {
    const date = stops[Number(slider.value)];
    if (date) go({ ...state, asOf: date });
  });
  slider.addEventListener('input', () => {
    sliderText.textContent = formatDate(stops[Number(slider.value)]);
  });

  const render = (res: PositionsResult): string => {
    replaceChildren(asOfNote, h('strong', null, `As of ${formatDate(res.asOf)}`), res.defaulted ? ` — the date of the latest position in this view (no date was chosen; today is ${formatDate(res.today)}).` : ' — the date chosen.');
    stops = res.stops;
    sliderBox.hidden = stops.length < 2;
    slider.max = String(Math.max(0, stops.length - 1));
    const at = stops.reduce((best, d, i) => (d <= res.asOfDay ? i : best), 0);
    slider.value = String(at);
    slider.setAttribute('aria-valuetext', formatDate(stops[at]));
    sliderText.textContent = formatDate(stops[at]);

    const allRows = buildRows(res.columns);
    fillSelect(kind, [...new Set(allRows.map((r) => r.actor.kind))].sort().map((k) => [k, enumLabel('ActorKind', k)]), state.kind);
    const orgs = new Map(buildRows(res.todayColumns).filter((r) => ORGANISATION_KINDS.has(r.actor.kind)).map((r) => [r.actor.id, r.actor.label]));
    fillSelect(org, [...orgs].sort((a, b) => a[1].localeCompare(b[1])), state.org);
    const keep = (actor: { id: string; kind: string }): boolean => (!state.kind || actor.kind === state.kind) && (!res.members || res.members.has(actor.id));
    const rows = allRows.filter((r) => keep(r.actor));
    const what = res.axis === 'demand' ? (res.columns.length === 1 ? 'demand' : 'demands') : res.columns.length === 1 ? 'issue' : 'issues';
    const caption = `Positions of ${rows.length} actors on ${res.columns.length} ${what}, as of ${formatDate(res.asOf)}.`;
    replaceChildren(tools, positionsToolbar(ctx, res, rows, () => state));
    replaceChildren(overTime);
    if (res.columns.length === 1) overTime.append(positionsOverTime(res, keep));
    if (rows.length === 0) {
      body.append(emptyPanel('No actor holds a position here on this date with these filters.', 'Try another date, or fewer filters.'));
      return 'No positions.';
    }
    body.append(
      positionsMatrix(res.axis, res.columns, rows, {
        caption,
        navigate: ctx.navigate,
        selected: state.cell,
        onSelect: (cell) => {
          state = { ...state, cell };
          replaceQuery('positions', undefined, queryOf(state));
        },
      }),
    );
    return `Positions matrix loaded: ${res.columns.length} columns, as of ${formatDate(res.asOf)}.`;
  };

  const show = (r: Route): void => {
    state = stateOf(r);
    axisDemand.checked = state.axis === 'demand';
    axisIssue.checked = state.axis === 'issue';
    asOf.value = state.asOf ?? '';
    statedOnly.checked = !state.includeDerived;
    ctx.setTitle('Positions');
    replaceChildren(
      scope,
      state.ids.length > 0
        ? [`Showing ${state.ids.length} chosen ${state.axis === 'demand' ? 'demand' : 'issue'}${state.ids.length === 1 ? '' : 's'}. `, h('a', { href: routeHref('positions', undefined, { axis: state.axis === 'issue' ? 'issue' : undefined }) }, `Show all ${state.axis === 'demand' ? 'demands' : 'issues'}`)]
        : '',
    );
    void load(ctx, body, 'the positions', (signal) => loadPositions(ctx.client, state, signal), (res) => {
      if (res.todayColumns.every((c) => c.positions.length === 0)) {
        replaceChildren(overTime);
        replaceChildren(tools);
        body.append(emptyPanel(res.columns.length === 0 ? `There are no ${state.axis === 'demand' ? 'demands' : 'issues'} in the graph.` : 'No actor holds a position here.', 'Try another date or include inherited positions.'));
        return 'No positions.';
      }
      return render(res);
    });
  };
  show(route);
  return { update: show };
};

function fillSelect(select: HTMLSelectElement, options: readonly (readonly [string, string])[], value: string | null): void {
  const first = select.options[0]!;
  select.replaceChildren(first, ...options.map(([v, label]) => h('option', { value: v }, label)));
  if (value && !options.some(([v]) => v === value)) select.append(h('option', { value }, value));
  select.value = value ?? '';
}

function legend(): HTMLElement {
  return h(
    'details',
    { class: 'legend-box' },
    h('summary', null, 'Legend'),
    h(
      'ul',
      { class: 'legend stance-legend' },
      Object.entries(STANCE_STYLE).map(([kind, s]) => h('li', null, h('span', { class: 'pos', style: `--chip-fg:${s.fg};--chip-bg:${s.bg}`, 'data-kind': kind }, enumLabel('StanceKind', kind)))),
      h('li', null, h('span', { class: 'pos derived', style: `--chip-fg:${STANCE_STYLE.REJECTS.fg};--chip-bg:${STANCE_STYLE.REJECTS.bg}` }, `${enumLabel('StanceKind', 'REJECTS')} ↳`), ' hatched, italic: inherited through a membership (derived)'),
    ),
  );
}
