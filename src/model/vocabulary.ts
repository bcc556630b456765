/**
 * The controlled vocabularies of the graph: kinds of actors, stances, events and
 * the rest, and the CAMEO event code each stance kind maps to by default, so
 * that stances can meet event datasets (GDELT, ICEWS) that use CAMEO.
 * The GraphQL enums in schema.graphql carry the same values (test/model/schema-drift.test.ts).
 * Imports nothing from the rest of src/.
 */

/** Kinds of actor. */
export const ACTOR_KINDS = [
  'STATE',
  'ALLIANCE',
  'INTERGOVERNMENTAL_ORGANIZATION',
  'FORUM',
  'GOVERNMENT',
  'MINISTRY',
  'ARMED_FORCES',
  'NON_STATE_ARMED_GROUP',
  'PERSON',
  'MEDIA_OUTLET',
  'NEWS_AGENCY',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Kinds of place. */
export const PLACE_KINDS = ['CITY', 'REGION', 'COUNTRY', 'BORDER_AREA'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Kinds of source document. */
export const SOURCE_KINDS = [
  'NEWS_REPORT',
  'NEWS_AGENCY_REPORT',
  'BROADCAST',
  'OFFICIAL_STATEMENT',
  'OFFICIAL_DOCUMENT',
  'REFERENCE',
  // What we know from outside any page (issue 16, docs/decisions/0036 §3, 0043): needs a note, cites a page where it can.
  'REFERENCE_KNOWLEDGE',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Kinds of instrument in which demands are made. */
export const INSTRUMENT_KINDS = ['PROPOSAL', 'DRAFT_TREATY', 'DECLARATION', 'ULTIMATUM', 'LETTER'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** How a statement reached the source: quoted word for word, paraphrased, or the reporter's own account or reading. */
export const STATEMENT_MODES = ['DIRECT_QUOTE', 'PARAPHRASE', 'REPORTED', 'ANALYSIS'] as const;
export type StatementMode = (typeof STATEMENT_MODES)[number];

/** How one source renders a fact (a report, issue 16): the speaker's words or its own paraphrase of them. */
export const REPORT_MODES = ['DIRECT_QUOTE', 'PARAPHRASE'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

/**
 * Whose words a position rests on (decision 0041), strongest first: the holder's own
 * words, another party's account of them, a journalist's analysis (never a position by
 * itself), inherited through a membership, or the demand its maker made.
 */
export const ATTESTATIONS = ['OWN_WORDS', 'ACCOUNT', 'ANALYSIS', 'INHERITED', 'DEMAND'] as const;
export type Attestation = (typeof ATTESTATIONS)[number];

/** Kinds of event. */
export const EVENT_KINDS = [
  'MEETING',
  'TALKS',
  'FOUNDING',
  'ANNEXATION',
  'EXPULSION',
  'SUSPENSION',
  'CLOSURE',
  'PUBLICATION',
  'TROOP_BUILDUP',
  'ARMED_CONFLICT',
  'CLASH',
  'PRESS_CONFERENCE',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Roles an actor plays in an event. */
export const PARTICIPANT_ROLES = ['PARTICIPANT', 'CHAIR', 'HOST', 'INITIATOR', 'TARGET', 'REPORTER'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Whether the source establishes a fact or only reports someone's claim or allegation. */
export const CLAIM_STATUSES = ['ESTABLISHED', 'CLAIMED', 'ALLEGED', 'PLANNED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Qualifiers of a reported figure. */
export const FIGURE_QUALIFIERS = ['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'UP_TO'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

// ── Claims (issue 16, docs/decisions/0036 §2, 0043) ──────────────────────
/** How exactly a claim gives a number ("more than four hours", "almost five"). */
export const CLAIM_QUALIFIERS = ['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'LESS_THAN', 'UP_TO'] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];

/** Kinds of stance an actor can take towards a demand, proposal, issue or actor. */
export const STANCE_KINDS = [
  'REJECTS',
  'SUPPORTS',
  'OPEN_TO',
  'CONDITIONS',
  'OFFERS',
  'ACCUSES',
  'CRITICIZES',
  'BLAMES',
  'WARNS',
  'CONCERNED',
] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

/**
 * Default CAMEO code of each stance kind (CAMEO codebook 1.1b3); a stance may
 * carry a more specific code of the same family.
 */
export const STANCE_CAMEO: Record<StanceKind, { code: string; label: string }> = {
  REJECTS: { code: '120', label: 'Reject, not specified below' },
  SUPPORTS: { code: '051', label: 'Praise or endorse' },
  OPEN_TO: { code: '036', label: 'Express intent to meet or negotiate' },
  CONDITIONS: { code: '030', label: 'Express intent to cooperate, not specified below' },
  OFFERS: { code: '030', label: 'Express intent to cooperate, not specified below' },
  ACCUSES: { code: '112', label: 'Accuse, not specified below' },
  CRITICIZES: { code: '111', label: 'Criticize or denounce' },
  BLAMES: { code: '112', label: 'Accuse, not specified below' },
  WARNS: { code: '130', label: 'Threaten, not specified below' },
  CONCERNED: { code: '012', label: 'Make pessimistic comment' },
};

/** Default CAMEO code of a demand. */
export const DEMAND_CAMEO = { code: '1042', label: 'Demand policy change' } as const;

/** Precision of a date: how much of YYYY-MM-DD is known. */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * Labels of the specific CAMEO codes the seeds use beyond the defaults above
 * (CAMEO codebook 1.1b3). The validator refuses a code that has no label here
 * or in the defaults, so that every coded fact can be read.
 */
export const CAMEO_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.values(STANCE_CAMEO).map((c) => [c.code, c.label])),
  [DEMAND_CAMEO.code]: DEMAND_CAMEO.label,
  '032': 'Express intent to engage in diplomatic cooperation',
  '0356': 'Express intent to de-escalate military engagement',
  '1056': 'Demand de-escalation of military engagement',
  '106': 'Demand withdrawal',
  '1125': 'Accuse of espionage, treason',
  '1232': 'Reject request for policy change',
  '1246': 'Refuse to de-escalate military engagement',
};

/** The actor kinds that can be quoted or paraphrased (speakers of DIRECT_QUOTE and PARAPHRASE statements). */
export const QUOTABLE_KINDS = ['PERSON', 'MINISTRY', 'GOVERNMENT', 'ARMED_FORCES', 'STATE', 'ALLIANCE', 'INTERGOVERNMENTAL_ORGANIZATION', 'NON_STATE_ARMED_GROUP'] as const satisfies readonly ActorKind[];
/** Statement modes whose speaker may be of any kind (the reporter's own account, analysis). */
export const UNQUOTED_MODES = ['REPORTED', 'ANALYSIS'] as const satisfies readonly StatementMode[];
/** The actor kind that holds offices. */
export const OFFICE_HOLDER_KIND: ActorKind = 'PERSON';
