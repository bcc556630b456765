/**
 * The relationship types some derived data is computed from: positions (TOOK, RESPONDS_TO,
 * CONCERNS, TOWARDS, MADE_DEMAND), attestations (TOOK, EVIDENCED_BY, SAID, ON_BEHALF_OF and
 * the structural PART_OF, HOLDS, OFFICE_IN) and membership dates (HAS_MEMBERSHIP,
 * MEMBERSHIP_IN). A relationship of any other type changes no derived data, so the
 * transactional ingest writes those without upkeep, beside the previous batch's (decision
 * 0070). test/derived/derived-input-types.test.ts checks the set against every type the
 * queries of cypher/derived read.
 */
import type { RelationshipType } from '../model/entities.js';

/** Relationship types that derived data reads: writing one needs the derived upkeep in its transaction. */
export const DERIVED_INPUT_TYPES: ReadonlySet<RelationshipType> = new Set<RelationshipType>([
  'TOOK', 'RESPONDS_TO', 'CONCERNS', 'TOWARDS', 'MADE_DEMAND',
  'EVIDENCED_BY', 'SAID', 'ON_BEHALF_OF', 'PART_OF', 'HOLDS', 'OFFICE_IN',
  'HAS_MEMBERSHIP', 'MEMBERSHIP_IN',
]);
