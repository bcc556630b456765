/**
 * The fields of any entity kind as a description list, with every reference a link.
 * Field names follow the aliases of the EntityPage query in entity-view.ts.
 */
import type { EntityKind } from '../api/types.js';
import { entityHref, routeHref } from '../app/router.js';
import type { EntityDetails } from '../operations/entity.js';
import { facts, stanceChip } from '../ui/badges.js';
import { h, type Child } from '../ui/dom.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { externalLink } from '../ui/external-link.js';
import { languageName } from '../text/languages.js';
import { allLanguages, inLanguage, labelLink, type LabelledRef, type LocalizedString, type TextNoun } from '../ui/localized.js';
import { modelFacts, modelHeading } from './model-facts.js';

/** A reference as the query selects it, with the language of its label; the kind is known from the field. */
interface Ref extends LabelledRef {
  id: string;
  entityKind?: EntityKind;
}

const iso = (v: unknown): string | null => (v && typeof v === 'object' && 'iso' in v ? formatDate(v as { iso: string }) : null);

function refs(kind: EntityKind, v: unknown): Child {
  const list = (Array.isArray(v) ? v : v ? [v] : []) as Ref[];
  if (list.length === 0) return null;
  return list.flatMap((r, i) => [i > 0 ? ', ' : '', labelLink(entityHref({ id: r.id, entityKind: r.entityKind ?? kind }), r)]);
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** A localized text as the query selects it (fragment Texts). */
interface Texts {
  best: LocalizedString;
  all: LocalizedString[];
}

/** The text in the display language (else marked with its language). */
const shown = (t: Texts | null | undefined, noun: TextNoun): Child => (t ? inLanguage(t.best, noun) : null);

/** Every language of a text, each marked; left out when there is only one. */
const every = (t: Texts | null | undefined): Child => allLanguages(t?.all);

/**
 * What the entity's heading shows: its name, title or summary in the display language
 * with the language it is in (a statement's label is our English gloss); null when its
 * label is not a text of the graph (figures, memberships).
 */
export function entityHeading(e: EntityDetails): { text: LocalizedString; noun: TextNoun } | null {
  if (e.names) return { text: e.names.best, noun: 'name' };
  if (e.titles) return { text: e.titles.best, noun: 'title' };
  if (e.summaries) return { text: e.summaries.best, noun: 'summary' };
  if (e.entityKind === 'STATEMENT') return { text: { lang: 'en', text: e.label }, noun: 'gloss' };
  const named = modelHeading(e);
  return named ? { text: named, noun: 'name' } : null;
}

/** The facts of one entity, by kind; a kind without a case here (web/src/operations/own-facts.ts) is shown from the model. */
export function entityFacts(e: EntityDetails): HTMLElement {
  switch (e.entityKind) {
    case 'STANCE':
      return facts([
        ['Stance', e.stanceKind ? stanceChip(String(e.stanceKind)) : null],
        ['Held by', refs('ACTOR', e.holder)],
        ['Date', iso(e.date)],
        ['Summary', shown(e.summaries, 'summary')],
        ['Summaries', every(e.summaries)],
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
        ['Names', every(e.names)],
        ['Date', [iso(e.date), iso(e.until) ? ` – ${iso(e.until)}` : '']],
        ['Duration', e.durationMinutes ? `${String(e.durationMinutes)} minutes` : null],
        ['Place', refs('PLACE', e.place)],
        ['Status', e.status ? enumLabel('ClaimStatus', String(e.status)) : null],
        ['Claimed by', refs('ACTOR', e.claimedBy)],
        ['Description', shown(e.descriptions, 'description')],
        ['Descriptions', every(e.descriptions)],
        [
          'Participants',
          Array.isArray(e.participants) && e.participants.length > 0
            ? h('ul', { class: 'plain-list compact-columns' }, (e.participants as { role: string; actor: Ref }[]).map((p) => h('li', null, refs('ACTOR', p.actor), ` (${enumLabel('ParticipantRole', p.role)})`)))
            : null,
        ],
        ['Issues', refs('ISSUE', e.issues)],
        ['Part of', refs('EVENT', e.partOf)],
        ['Previous', refs('EVENT', e.previous)],
        ['In response to', refs('EVENT', e.inResponseTo)],
        ['Answered by', refs('EVENT', e.responses)],
        ['Consequence of', refs('EVENT', e.causedBy)],
        // Responses are listed above; the rest of what followed is a consequence (decision 0045).
        ['Consequences', refs('EVENT', (e.consequences as { type: string; consequence: Ref }[]).filter((l) => l.type === 'CONSEQUENCE').map((l) => l.consequence))],
        ['Statements made', refs('STATEMENT', e.statements)],
        ['Figures', refs('FIGURE', e.figures)],
      ]);
    case 'ISSUE':
      return facts([
        ['Names', every(e.names)],
        ['Description', shown(e.descriptions, 'description')],
        ['Descriptions', every(e.descriptions)],
        ['Part of', refs('ISSUE', e.parent)],
        ['Sub-issues', refs('ISSUE', e.children)],
        ['Demands', refs('DEMAND', e.demands)],
        ['See also', [h('a', { href: routeHref('positions', undefined, { issue: e.id }) }, 'positions on this issue'), ' · ', h('a', { href: routeHref('timeline', undefined, { issue: e.id }) }, 'timeline')]],
      ]);
    case 'SOURCE':
      return facts([
        ['Kind', e.sourceKind ? enumLabel('SourceKind', String(e.sourceKind)) : null],
        ['Title', shown(e.titles, 'title')],
        ['Titles', every(e.titles)],
        ['Language', e.language ? languageName(String(e.language)) : null],
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
        ['Names', every(e.names)],
        ['Within', refs('PLACE', e.within)],
        ['Events', refs('EVENT', e.events)],
      ]);
    case 'INSTRUMENT':
      return facts([
        ['Kind', e.instrumentKind ? enumLabel('InstrumentKind', String(e.instrumentKind)) : null],
        ['Title', shown(e.titles, 'title')],
        ['Titles', every(e.titles)],
        ['Published', iso(e.instrumentPublished)],
        ['Issued by', refs('ACTOR', e.issuedBy)],
        ['Addressed to', refs('ACTOR', e.addressedTo)],
        ['Demands', refs('DEMAND', e.demands)],
      ]);
    case 'OFFICE':
      return facts([
        ['Title', shown(e.titles, 'title')],
        ['Titles', every(e.titles)],
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
      return modelFacts(e);
  }
}
