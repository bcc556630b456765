/**
 * `#/entity/:id`: any entity without a view of its own (stances, statements, events,
 * issues, sources, ...): its fields, where it comes from (Query.provenance) and its
 * connections.
 */
import type { StatementFull } from '../api/types.js';
import { routeHref } from '../app/router.js';
import type { ViewMount } from '../app/view.js';
import { type EntityData, type EntityDetails, type EntityModelFactsData, entityModelFactsQuery, entityQuery, factClaimsQuery, type FactClaimsData } from '../operations/entity.js';
import { facts, kindBadge } from '../ui/badges.js';
import { append, h, replaceChildren } from '../ui/dom.js';
import { quoteBlock, sourceCitation } from '../ui/quote.js';
import { copyIdAction, copyLinkAction, toolbar } from '../ui/export.js';
import { load } from '../ui/status.js';
import { egoNetworkSection } from './ego-network.js';
import { entityFacts, entityHeading } from './entity-facts.js';
import { inLanguage } from '../ui/localized.js';
import { reportsPanel } from '../ui/reports.js';
import { claimsPanel } from '../ui/claims.js';

/** Mounts the generic entity view. */
export const mountEntityView: ViewMount = (outlet, route, ctx) => {
  const heading = h('h1', null, 'Entity');
  const body = h('div', { class: 'entity-page' });
  append(outlet, h('p', { class: 'breadcrumb' }, h('a', { href: routeHref('home') }, 'Overview'), ' › Entity'), heading, body);
  ctx.setTitle('Entity');
  void load(ctx, body, 'the entity', (signal) => Promise.all([
      ctx.client.request<EntityData>(entityQuery, { id: route.id }, { signal }),
      ctx.client.request<FactClaimsData>(factClaimsQuery, { id: route.id }, { signal }),
      ctx.client.request<EntityModelFactsData>(entityModelFactsQuery, { id: route.id }, { signal }),
    ]).then(([entity, claims, model]) => ({ ...entity, claims, model })), (data) => {
    // A kind without a hand-made page gets its fields from the model (decision 0039), keyed as MODEL_KINDS says.
    const e: EntityData['entity'] = { ...data.model.entity, ...data.entity };
    const reported = e as EntityDetails;
    // Actors and demands have richer views of their own.
    if (e.entityKind === 'ACTOR' || e.entityKind === 'DEMAND') {
      ctx.navigate(routeHref(e.entityKind === 'ACTOR' ? 'actor' : 'demand', e.id), { replace: true });
      return;
    }
    const title = entityHeading(e);
    replaceChildren(heading, title ? inLanguage(title.text, title.noun) : e.label, ' ', kindBadge(e.entityKind));
    ctx.setTitle(e.label);
    const prov = data.provenance;
    // A statement's own quote is shown in its facts; evidence lists the others.
    const evidence = (prov?.evidence ?? []).filter((s) => s.id !== e.id);
    append(
      body,
      h(
        'div',
        { class: 'profile' },
        e.entityKind === 'STATEMENT' ? h('section', { class: 'panel', 'aria-label': 'Quote' }, quoteBlock(e as unknown as StatementFull)) : null,
        h('section', { class: 'panel', 'aria-label': 'Details' }, entityFacts(e), facts([['Note', e.note]]), toolbar('Share', [copyLinkAction(), copyIdAction(e.id)])),
        // Statements, stances, events and figures: every page that renders them (issue 16).
        reported.reports && reported.corroboration ? reportsPanel(reported.reports, reported.corroboration) : null,
        // Who says each of its values, and where sources differ (docs/decisions/0043-0044).
        claimsPanel(data.claims?.provenance?.groups ?? []),
        prov && (prov.sources.length > 0 || evidence.length > 0)
          ? h(
              'section',
              { class: 'panel', 'aria-labelledby': 'entity-provenance' },
              h('h2', { id: 'entity-provenance' }, 'Where this comes from'),
              prov.sources.length > 0 ? h('ul', { class: 'plain-list' }, prov.sources.map((s) => h('li', null, sourceCitation(s)))) : null,
              evidence.map(quoteBlock),
            )
          : null,
      ),
      egoNetworkSection(ctx, { id: e.id, label: e.label }, { name: 'entity', id: route.id, query: route.query }),
    );
    return `${e.label} loaded.`;
  });
};

