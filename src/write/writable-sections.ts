/**
 * What the write API can write: one seed section per mutation, validated by that
 * section's seed schema (src/seed/seed-schema.ts), so a fact written through the API
 * passes exactly the checks a seed file's fact passes.
 */
import {
  API_WRITABLE_SECTIONS,
  ENTITY_KINDS,
  INCOMING_TYPES,
  MENTION_TYPES,
  SECTION_OF_LABEL,
  type WritableSection,
} from '../model/entities.js';
import { SECTION_SCHEMAS } from '../seed/seed-schema.js';

export { INCOMING_TYPES, MENTION_TYPES, SECTION_OF_LABEL, type WritableSection };

/** The sections the API writes (the model's API_WRITABLE_SECTIONS), with the schema that validates their input. */
export const WRITABLE_SECTIONS = Object.fromEntries(API_WRITABLE_SECTIONS.map((s) => [s, SECTION_SCHEMAS[s]])) as unknown as {
  [S in WritableSection]: (typeof SECTION_SCHEMAS)[S];
};

/** The operation name recorded in the audit trail for each section, e.g. UPSERT_STANCE. */
export const OPERATION_OF = Object.fromEntries(
  API_WRITABLE_SECTIONS.map((s) => [s, `UPSERT_${ENTITY_KINDS[s].singular.toUpperCase()}`]),
) as Record<WritableSection, string>;

/** The prefix of the origin of everything the API writes: `api:<source id of its file>`. */
export const API_ORIGIN_PREFIX = 'api:';

/** The file (main source id) an origin names, for seed and API origins alike. */
export const fileOfOrigin = (origin: string): string => (origin.startsWith(API_ORIGIN_PREFIX) ? origin.slice(API_ORIGIN_PREFIX.length) : origin);
