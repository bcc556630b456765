/**
 * Who says what of a fact (issue 16, docs/decisions/0043-0044): each claim group (and
 * each participant) with the value the graph uses and every alternative the sources
 * give, each with its sources and their languages. A group where sources differ is
 * marked, and no alternative is hidden behind the working value.
 */
import type { GroupFieldsFragment } from '../api/__generated__/graphql.js';
import { h } from './dom.js';
import { sourceCitation } from './quote.js';
import { CLAIM_GROUP_LABELS, enumLabel } from '../text/vocabulary.js';

/** The enums a claim group's value may come from, tried in order for a value written in capitals (a status, a role). */
const VALUE_ENUMS = ['ClaimStatus', 'ParticipantRole', 'EventKind', 'StanceKind', 'FigureQualifier'];

/** A scalar value in words: an enum value by its label, anything else (a number, a date) as given. */
function scalarText(value: string): string {
  if (!/^[A-Z][A-Z_]*$/.test(value)) return value;
  for (const name of VALUE_ENUMS) {
    const label = enumLabel(name, value);
    if (label !== value) return label;
  }
  return value;
}

/** A group's name in words: "Duration (minutes)", "Participants". */
function groupText(group: string): string {
  return CLAIM_GROUP_LABELS[group] ?? group.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** An alternative's value in words: "More than 240", "Wendy Sherman as Participant", "Planned". */
function valueText(a: GroupFieldsFragment['alternatives'][number]): string {
  const value = a.entity ? a.entity.label : scalarText(a.value);
  const qualified = a.qualifier && a.qualifier !== 'EXACT' ? `${enumLabel('ClaimQualifier', a.qualifier)} ${value}` : value;
  return a.role ? `${qualified} as ${enumLabel('ParticipantRole', a.role)}` : qualified;
}

/** The working value in words: the entity's label where an alternative names it, else the value itself in words. */
function workingText(g: GroupFieldsFragment): string {
  const named = g.alternatives.find((a) => a.entity && a.value === g.working)?.entity;
  return named ? named.label : scalarText(g.working!);
}

/** One alternative: its value, the sources that give it, and their languages. */
function alternativeItem(a: GroupFieldsFragment['alternatives'][number]): HTMLElement {
  return h(
    'li',
    { class: 'alternative' },
    h('strong', { class: 'alternative-value' }, valueText(a)),
    ' — ',
    h('span', { class: 'alternative-count' }, `${a.sources.length} source${a.sources.length === 1 ? '' : 's'}`),
    ' (',
    h('span', { class: 'alternative-languages' }, a.languages.join(', ')),
    '): ',
    a.sources.flatMap((s, i) => (i === 0 ? [sourceCitation(s)] : ['; ', sourceCitation(s)])),
  );
}

/** One group: its name (and item), the working value, and every alternative. */
function groupItem(g: GroupFieldsFragment): HTMLElement {
  return h(
    'li',
    { class: g.disputed ? 'claim-group disputed' : 'claim-group', 'data-group': g.item ? `${g.group}:${g.item}` : g.group },
    h('span', { class: 'claim-group-name' }, g.item ? `${groupText(g.group)}: ${g.itemEntity?.label ?? g.item}` : groupText(g.group)),
    g.working !== null && g.working !== undefined ? h('span', { class: 'muted' }, ` · used: ${workingText(g)}`) : null,
    g.disputed ? h('span', { class: 'badge claim-disputed' }, ' Sources differ') : null,
    h('ul', { class: 'plain-list alternative-list' }, g.alternatives.map(alternativeItem)),
  );
}

/** The panel of a fact's claim groups, disputed ones first; null when it has none. */
export function claimsPanel(groups: readonly GroupFieldsFragment[]): HTMLElement | null {
  if (groups.length === 0) return null;
  const ordered = [...groups.filter((g) => g.disputed), ...groups.filter((g) => !g.disputed)];
  return h(
    'section',
    { class: 'panel claims', 'aria-labelledby': 'fact-claims' },
    h('h2', { id: 'fact-claims' }, 'Who says what'),
    h('ul', { class: 'plain-list claim-groups' }, ordered.map(groupItem)),
  );
}
