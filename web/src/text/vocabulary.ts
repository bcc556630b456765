/**
 * The dashboard's one vocabulary: a reader's word for every enum value of
 * schema.graphql and every relationship type of the graph (docs/model.md), so that
 * no raw code (REJECTS, PARTICIPATED_IN) reaches the screen. Every label goes out
 * through `say()`, the single place a display language will plug in ("One model").
 * test/web/vocabulary.test.ts checks that every enum value of the schema has a label.
 */

/** Labels of every enum of schema.graphql, by enum name then value. */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SortOrder: { ASC: 'Oldest first', DESC: 'Newest first' },
  DatePrecision: { DAY: 'Day', MONTH: 'Month', YEAR: 'Year' },
  EntityKind: {
    ACTOR: 'Actor',
    SOURCE: 'Source',
    PLACE: 'Place',
    ISSUE: 'Issue',
    INSTRUMENT: 'Instrument',
    OFFICE: 'Office',
    MEMBERSHIP: 'Membership',
    DEMAND: 'Demand',
    STATEMENT: 'Statement',
    STANCE: 'Stance',
    EVENT: 'Event',
    FIGURE: 'Figure',
    REPORT: 'Report',
    CLAIM: 'Claim',
  },
  ActorKind: {
    STATE: 'State',
    ALLIANCE: 'Alliance',
    INTERGOVERNMENTAL_ORGANIZATION: 'Intergovernmental organisation',
    FORUM: 'Forum',
    GOVERNMENT: 'Government',
    MINISTRY: 'Ministry',
    ARMED_FORCES: 'Armed forces',
    NON_STATE_ARMED_GROUP: 'Non-state armed group',
    PERSON: 'Person',
    MEDIA_OUTLET: 'Media outlet',
    NEWS_AGENCY: 'News agency',
  },
  StatementRole: { SPEAKER: 'Speaker', ON_BEHALF_OF: 'On whose behalf', ANY: 'Either' },
  InstrumentKind: { PROPOSAL: 'Proposal', DRAFT_TREATY: 'Draft treaty', DECLARATION: 'Declaration', ULTIMATUM: 'Ultimatum', LETTER: 'Letter' },
  DemandState: { OPEN: 'Open', ANSWERED: 'Answered', REJECTED: 'Rejected', ACCEPTED: 'Accepted' },
  StanceKind: {
    REJECTS: 'Rejects',
    SUPPORTS: 'Supports',
    OPEN_TO: 'Open to',
    CONDITIONS: 'Conditions',
    OFFERS: 'Offers',
    ACCUSES: 'Accuses',
    CRITICIZES: 'Criticizes',
    BLAMES: 'Blames',
    WARNS: 'Warns',
    CONCERNED: 'Concerned',
  },
  StatementMode: { DIRECT_QUOTE: 'Direct quote', PARAPHRASE: 'Paraphrase', REPORTED: 'Reporter’s account', ANALYSIS: 'Analysis' },
  ReportMode: { DIRECT_QUOTE: 'Direct quote', PARAPHRASE: 'Paraphrase' },
  ChainDirection: { CONSEQUENCES: 'Consequences', CAUSES: 'Causes' },
  EventLinkType: { RESPONSE: 'In response', CONSEQUENCE: 'As a consequence' },
  Attestation: { OWN_WORDS: 'Own words', ACCOUNT: 'Another’s account', ANALYSIS: 'Analysis', INHERITED: 'Inherited through membership', DEMAND: 'Its own demand' },
  EventKind: {
    MEETING: 'Meeting',
    TALKS: 'Talks',
    FOUNDING: 'Founding',
    ANNEXATION: 'Annexation',
    EXPULSION: 'Expulsion',
    SUSPENSION: 'Suspension',
    CLOSURE: 'Closure',
    PUBLICATION: 'Publication',
    TROOP_BUILDUP: 'Troop build-up',
    ARMED_CONFLICT: 'Armed conflict',
    CLASH: 'Clash',
    PRESS_CONFERENCE: 'Press conference',
  },
  ClaimStatus: { ESTABLISHED: 'Established', CLAIMED: 'Claimed', ALLEGED: 'Alleged', PLANNED: 'Planned' },
  ClaimQualifier: { EXACT: 'Exactly', ABOUT: 'About', AT_LEAST: 'At least', MORE_THAN: 'More than', LESS_THAN: 'Less than', UP_TO: 'Up to' },
  ParticipantRole: { PARTICIPANT: 'Participant', CHAIR: 'Chair', HOST: 'Host', INITIATOR: 'Initiator', TARGET: 'Target', REPORTER: 'Reporter' },
  FigureQualifier: { EXACT: 'Exactly', ABOUT: 'About', AT_LEAST: 'At least', MORE_THAN: 'More than', UP_TO: 'Up to' },
  PlaceKind: { CITY: 'City', REGION: 'Region', COUNTRY: 'Country', BORDER_AREA: 'Border area' },
  SourceKind: {
    NEWS_REPORT: 'News report',
    NEWS_AGENCY_REPORT: 'News agency report',
    BROADCAST: 'Broadcast',
    OFFICIAL_STATEMENT: 'Official statement',
    OFFICIAL_DOCUMENT: 'Official document',
    REFERENCE: 'Reference data',
    REFERENCE_KNOWLEDGE: 'Reference knowledge',
  },
  PositionBasis: { STATED: 'Stated', INHERITED: 'Inherited', DEMANDED: 'Made the demand' },
  AgreementVerdict: { AGREE: 'Agree', DISAGREE: 'Disagree', MIXED: 'Mixed' },
  TimelineItemKind: { EVENT: 'Event', STATEMENT: 'Statement', STANCE: 'Stance' },
  WriteOutcome: { CREATED: 'Created', UPDATED: 'Updated', UNCHANGED: 'Unchanged' },
};

/** Relationship types as phrases read from the start node to the end node (docs/model.md). */
export const RELATION_LABELS: Readonly<Record<string, string>> = {
  PUBLISHED_BY: 'published by',
  CITES: 'cites',
  MENTIONS: 'mentions',
  PART_OF: 'part of',
  WITHIN: 'within',
  SUBISSUE_OF: 'sub-issue of',
  ISSUED_BY: 'issued by',
  ADDRESSED_TO: 'addressed to',
  HOLDS: 'holds',
  OFFICE_IN: 'office in',
  HAS_MEMBERSHIP: 'has membership',
  MEMBERSHIP_IN: 'membership in',
  MADE_DEMAND: 'demanded',
  SET_OUT_IN: 'set out in',
  SAID: 'said',
  ON_BEHALF_OF: 'on behalf of',
  REPORTED_IN: 'reported in',
  RELAYED_BY: 'relayed by',
  SAID_AT: 'said at',
  TOOK: 'took',
  RESPONDS_TO: 'responds to',
  TOWARDS: 'towards',
  PARTICIPATED_IN: 'took part in',
  TOOK_PLACE_IN: 'took place in',
  IN_RESPONSE_TO: 'in response to',
  FOLLOWS: 'follows',
  CLAIMED_BY: 'claimed by',
  FIGURE_OF: 'figure of',
  CONCERNS: 'concerns',
  EVIDENCED_BY: 'evidenced by',
  SOURCED_FROM: 'sourced from',
  REPORTS: 'reports',
  WORDED_BY: 'worded by',
  CAUSED_BY: 'caused by',
  CLAIM_OF: 'claim of',
  CLAIMED_IN: 'claimed in',
  SPECIFIES: 'specifies',
};

/** Participant roles as they read after "took part in" ("as chair"). */
const ROLE_PHRASE: Readonly<Record<string, string>> = { PARTICIPANT: '', CHAIR: 'as chair', HOST: 'as host', INITIATOR: 'as initiator', TARGET: 'as target', REPORTER: 'as reporter' };

/**
 * The one function every piece of vocabulary goes through: today it returns the
 * English text; a display language ("One model") will translate here.
 */
export function say(text: string): string {
  return text;
}

/** The reader's word for an enum value (`enumLabel('StanceKind', 'OPEN_TO')` is "Open to"). */
export function enumLabel(enumName: string, value: string | null | undefined): string {
  if (!value) return '';
  return say(ENUM_LABELS[enumName]?.[value] ?? sentenceCase(value));
}

/** A relationship in words, with its role where it has one: "took part in as chair". */
export function relationLabel(type: string, properties?: string | null): string {
  const base = RELATION_LABELS[type] ?? sentenceCase(type).toLowerCase();
  let role: string | undefined;
  if (properties) {
    try {
      const props = JSON.parse(properties) as Record<string, unknown>;
      if (typeof props.role === 'string') role = ROLE_PHRASE[props.role] ?? `as ${enumLabel('ParticipantRole', props.role).toLowerCase()}`;
      else if (typeof props.hop === 'number') role = `(hop ${props.hop})`;
    } catch {
      // Properties are the server's JSON; a malformed value just loses its role.
    }
  }
  return say(role ? `${base} ${role}` : base);
}

/**
 * Words for a model field where its name humanised would not do, for the facts of kinds
 * shown from the model (web/src/views/model-facts.ts); other fields read as their name.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  of: 'Of the fact',
  via: 'Relayed by',
  group: 'Claim group',
  claimedBy: 'Claimed by',
};

/** The reader's word for a model field: `claimedBy` -> "Claimed by", `signed` -> "Signed". */
export function fieldLabel(name: string): string {
  return say(FIELD_LABELS[name] ?? sentenceCase(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2')));
}

/** `OPEN_TO` -> "Open to": the fallback for a value the vocabulary does not know yet. */
export function sentenceCase(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The claim groups of the model (src/model/entities.ts CLAIM_GROUPS) in words, for "Who says what". */
export const CLAIM_GROUP_LABELS: Readonly<Record<string, string>> = {
  said: 'Said on',
  speaker: 'Speaker',
  event: 'Said at',
  since: 'Made on',
  addressedTo: 'Addressed to',
  instrument: 'Set out in',
  when: 'Date',
  duration: 'Duration (minutes)',
  place: 'Place',
  participants: 'Participants',
  status: 'Status',
  date: 'Date',
  holder: 'Holder',
  value: 'Value',
  asOf: 'As of',
  published: 'Published',
  issuedBy: 'Issued by',
  from: 'From',
  until: 'Until',
  title: 'Title',
};
