/**
 * What the write API can write: one seed section per mutation, validated by that
 * section's seed schema (src/seed/seed-schema.ts), so a fact written through the API
 * passes exactly the checks a seed file's fact passes.
 */
import type { z } from 'zod';
import { actorSchema, demandSchema, eventSchema, sourceSchema, stanceSchema, statementSchema } from '../seed/seed-schema.js';
import { SECTION_LABELS } from '../seed/plan-graph.js';
import type { EntitySection } from '../seed/validate-seeds.js';

/** The sections the API writes, with the schema that validates their input. */
export const WRITABLE_SECTIONS = {
  sources: sourceSchema,
  actors: actorSchema,
  statements: statementSchema,
  stances: stanceSchema,
  demands: demandSchema,
  events: eventSchema,
} as const satisfies Partial<Record<EntitySection, z.ZodType>>;

/** A section the API writes. */
export type WritableSection = keyof typeof WRITABLE_SECTIONS;

/** The operation name recorded in the audit trail for each section, e.g. UPSERT_STANCE. */
export const OPERATION_OF: Record<WritableSection, string> = {
  sources: 'UPSERT_SOURCE',
  actors: 'UPSERT_ACTOR',
  statements: 'UPSERT_STATEMENT',
  stances: 'UPSERT_STANCE',
  demands: 'UPSERT_DEMAND',
  events: 'UPSERT_EVENT',
};

/** The section of each node label. */
export const SECTION_OF_LABEL: Record<string, EntitySection> = Object.fromEntries(
  Object.entries(SECTION_LABELS).map(([section, label]) => [label, section as EntitySection]),
);

/**
 * Relationship types that belong to their end node (the field that makes them is on
 * the end node's record: a statement's `speaker` makes SAID speaker -> statement).
 * Every other relationship belongs to its start node, except a source's MENTIONS,
 * which the file derives.
 */
export const INCOMING_TYPES = ['HOLDS', 'HAS_MEMBERSHIP', 'MADE_DEMAND', 'SAID', 'TOOK', 'PARTICIPATED_IN'] as const;

/**
 * Relationship types whose actor end the seed planner counts as mentioned by the file
 * (deriving the file's Source-MENTIONS->Actor): speakers, holders, makers, addressees,
 * participants, claimants, statement mentions...
 */
export const MENTION_TYPES = [
  'ISSUED_BY', 'ADDRESSED_TO', 'HOLDS', 'OFFICE_IN', 'HAS_MEMBERSHIP', 'MEMBERSHIP_IN', 'MADE_DEMAND', 'SAID',
  'ON_BEHALF_OF', 'MENTIONS', 'TOOK', 'TOWARDS', 'PARTICIPATED_IN', 'CLAIMED_BY',
] as const;

/** The prefix of the origin of everything the API writes: `api:<source id of its file>`. */
export const API_ORIGIN_PREFIX = 'api:';

/** The file (main source id) an origin names, for seed and API origins alike. */
export const fileOfOrigin = (origin: string): string => (origin.startsWith(API_ORIGIN_PREFIX) ? origin.slice(API_ORIGIN_PREFIX.length) : origin);
