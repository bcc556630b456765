/**
 * Every derived label (DERIVED_LABELS) is counted by the reset's progress total and
 * deleted by deleteGraph's batches: a label added to the model but not to these queries
 * made the progress end past its total (found when verdict spans and membership dates
 * met the batched reset).
 */
import { describe, expect, it } from 'vitest';
import { DERIVED_LABELS } from '../../src/model/entities.js';
import { cypher } from '../../src/neo4j/cypher.js';

describe('derived labels in the whole-graph queries', () => {
  it.each(DERIVED_LABELS)('%s is counted for the reset and deleted in batches', (label) => {
    expect(cypher('ingest/count-records')).toMatch(new RegExp(`\\(\\w+:${label}\\)`));
    const deletes = [cypher('derived/delete-batched'), cypher('derived/membership-dates-delete-batched')].join('\n');
    expect(deletes).toMatch(new RegExp(`MATCH \\(\\w+:([A-Za-z]+\\|)*${label}[|)]`));
  });
});
