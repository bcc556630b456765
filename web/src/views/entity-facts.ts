/**
 * The fields of any entity kind as a description list, with every reference a link.
 * Field names follow the aliases of the EntityPage query in entity-view.ts.
 */
import type { EntityKind } from '../api/types.js';
import { entityHref, routeHref } from '../app/router.js';
import type { EntityDetails } from '../operations/entity.js';
import { facts, stanceChip } from '../ui/badges.js';
import { h, type Child } from '../ui/dom.js';
import { everyLanguage, type LanguageTexts } from '../ui/localized.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { externalLink } from '../ui/external-link.js';

/** A reference as the query selects it; the kind is known from the field. */
interface Ref {
  id: string;
  label: string;
  entityKind?: EntityKind;
}

const iso = (v: unknown): string | null => (v && typeof v === 'object' && 'iso' in v ? formatDate(v as { iso: string }) : null);

function refs(kind: EntityKind, v: unknown): Child {
  const list = (Array.isArray(v) ? v : v ? [v] : []) as Ref[];
  if (list.length === 0) return null;
  return list.flatMap((r, i) => [i > 0 ? ', ' : '', h('a', { href: entityHref({ id: r.id, entityKind: r.entityKind ?? kind }) }, r.label)]);
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The facts of one entity, by kind. */
export function entityFacts(e: EntityDetails): HTMLElement {
  switch (e.entityKind) {
    case 'STANCE':
      return facts([
        ['Stance', e.stanceKind ? stanceChip(String(e.stanceKind)) : null],
        ['Held by', refs('ACTOR', e.holder)],
        ['Date', iso(e.date)],
        ['Summary', text(e.summary)],
        ['Answers', refs('DEMAND', e.respondsTo)],
        ['Towards', refs('ACTOR', e.towards)],
        ['Issues', refs('ISSUE', e.issues)],
        ['CAMEO code', text(e.cameoCode)],
      ]);
    case 'STATEMENT':
      return facts([
        ['Issues', refs('ISSUE', e.issues)],
        ['Mentions', refs('ACTOR', e.mentions)],
        ['Evidence for', refs('STANCE', e.supports)],
      ]);
    case 'EVENT':
      return facts([
        ['Kind', e.eventKind ? enumLabel('EventKind', String(e.eventKind)) : null],
        ['Names', everyLanguage(e.names as LanguageTexts)],
        ['Date', [iso(e.date), iso(e.until) ? ` – ${iso(e.until)}` : '']],
        ['Duration', e.durationMinutes ? `${String(e.durationMinutes)} minutes` : null],
        ['Place', refs('PLACE', e.place)],
        ['Status', e.status ? enumLabel('ClaimStatus', String(e.status)) : null],
        ['Claimed by', refs('ACTOR', e.claimedBy)],
        ['Description', text(e.description)],
        [
          'Participants',
          Array.isArray(e.participants) && e.participants.length > 0
            ? h('ul', { class: 'plain-list compact-columns' }, (e.participants as { role: string; actor: Ref }[]).map((p) => h('li', null, h('a', { href: routeHref('actor', p.actor.id) }, p.actor.label), ` (${enumLabel('ParticipantRole', p.role)})`)))
            : null,
        ],
        ['Issues', refs('ISSUE', e.issues)],
        ['Part of', refs('EVENT', e.partOf)],
        ['Previous', refs('EVENT', e.previous)],
        ['In response to', refs('EVENT', e.inResponseTo)],
        ['Answered by', refs('EVENT', e.responses)],
        ['Statements made', refs('STATEMENT', e.statements)],
        ['Figures', refs('FIGURE', e.figures)],
      ]);
    case 'ISSUE':
      return facts([
        ['Names', everyLanguage(e.names as LanguageTexts)],
        ['Description', text(e.description)],
        ['Part of', refs('ISSUE', e.parent)],
        ['Sub-issues', refs('ISSUE', e.children)],
        ['Demands', refs('DEMAND', e.demands)],
        ['See also', [h('a', { href: routeHref('positions', undefined, { issue: e.id }) }, 'positions on this issue'), ' · ', h('a', { href: routeHref('timeline', undefined, { issue: e.id }) }, 'timeline')]],
      ]);
    case 'SOURCE':
      return facts([
        ['Kind', e.sourceKind ? enumLabel('SourceKind', String(e.sourceKind)) : null],
        ['Title', text(e.title)],
        ['Titles', everyLanguage(e.titles as LanguageTexts)],
        ['Language', text(e.language)],
        ['Published', iso(e.published)],
        ['Publisher', refs('ACTOR', e.publisher)],
        ['Address', e.url ? externalLink(String(e.url)) : null],
        ['Cites', refs('SOURCE', e.cites)],
        ['Cited by', refs('SOURCE', e.citedBy)],
        ['Mentions', refs('ACTOR', e.mentions)],
      ]);
    case 'PLACE':
      return facts([
        ['Kind', e.placeKind ? enumLabel('PlaceKind', String(e.placeKind)) : null],
        ['Names', everyLanguage(e.names as LanguageTexts)],
        ['Within', refs('PLACE', e.within)],
        ['Events', refs('EVENT', e.events)],
      ]);
    case 'INSTRUMENT':
      return facts([
        ['Kind', e.instrumentKind ? enumLabel('InstrumentKind', String(e.instrumentKind)) : null],
        ['Title', text(e.title)],
        ['Titles', everyLanguage(e.titles as LanguageTexts)],
        ['Published', iso(e.instrumentPublished)],
        ['Issued by', refs('ACTOR', e.issuedBy)],
        ['Addressed to', refs('ACTOR', e.addressedTo)],
        ['Demands', refs('DEMAND', e.demands)],
      ]);
    case 'OFFICE':
      return facts([
        ['Title', text(e.title)],
        ['Titles', everyLanguage(e.titles as LanguageTexts)],
        ['Holder', refs('ACTOR', e.holder)],
        ['Organisation', refs('ACTOR', e.organization)],
        ['As of', iso(e.asOf)],
      ]);
    case 'MEMBERSHIP':
      return facts([
        ['Member', refs('ACTOR', e.member)],
        ['Organisation', refs('ACTOR', e.organization)],
        ['From', iso(e.from)],
        ['Until', iso(e.until) ?? 'still a member'],
      ]);
    case 'FIGURE':
      return facts([
        ['Quantity', text(e.quantity)],
        ['Value', [e.qualifier && e.qualifier !== 'EXACT' ? `${enumLabel('FigureQualifier', String(e.qualifier))} ` : '', text(e.value), e.unit ? ` ${String(e.unit)}` : '']],
        ['As of', iso(e.figureAsOf)],
        ['Status', e.status ? enumLabel('ClaimStatus', String(e.status)) : null],
        ['Claimed by', refs('ACTOR', e.claimedBy)],
        ['Event', refs('EVENT', e.figureEvent)],
      ]);
    default:
      return facts([['Kind', enumLabel('EntityKind', e.entityKind)]]);
  }
}
