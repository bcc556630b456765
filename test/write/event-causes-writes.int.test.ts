/**
 * An event's `causedBy` written through the API (issue 16, decision 0045), over HTTP
 * against the seeded graph: the written event joins the chain of the event it names,
 * and a cause that is not an event is refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testDatabase } from '../setup/neo4j.js';
import { postGraphql } from '../server/harness.js';
import { startSeededServer, type SeededServer } from '../server/seeded-server.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

let seeded: SeededServer;
let writeKey = '';

beforeAll(async () => {
  seeded = await startSeededServer();
  writeKey = (await createApiKey(seeded.driver, testDatabase(), { name: 'test event causes', scope: 'write' })).token;
});

afterAll(async () => {
  if (!seeded) return;
  await runSeed(seeded.driver, { database: testDatabase(), reset: true });
  await seeded.driver.executeQuery("MATCH (n) WHERE (n:Change OR n:ApiKey) AND (n.keyName = 'test event causes' OR n.name = 'test event causes') DETACH DELETE n", {}, { database: testDatabase() });
  await seeded.close();
});

const UPSERT_EVENT = `mutation ($input: EventInput!, $source: ID!) { upsertEvent(input: $input, source: $source) { outcome entity { id } } }`;
const event = (causedBy: string[]) => ({
  id: 'event-test-sanctions-2014',
  kind: 'MEETING',
  name: [{ lang: 'en', text: 'A test consequence of the annexation' }],
  date: '2014-03',
  causedBy,
});

describe('Event.causedBy through the write API', () => {
  it('a written consequence joins the chain of its cause, both ways', async () => {
    const res = await postGraphql(seeded.api.url, { query: UPSERT_EVENT, variables: { input: event(['crimea-annexation-2014']), source: 'liputan6-2022-01-14-nrc' } }, { authorization: `Bearer ${writeKey}` });
    expect(res.body.errors, res.text).toBeUndefined();
    const read = await postGraphql(seeded.api.url, {
      query: `{ eventChain(id: "crimea-annexation-2014", depth: 1) { events { id } }
                event(id: "event-test-sanctions-2014") { causedBy { id } causes { type cause { id } } } }`,
    });
    expect(read.body.errors, read.text).toBeUndefined();
    const data: Json = read.body.data;
    expect(data.eventChain.events.map((e: Json) => e.id)).toContain('event-test-sanctions-2014');
    expect(data.event.causedBy).toEqual([{ id: 'crimea-annexation-2014' }]);
    expect(data.event.causes).toEqual([{ type: 'CONSEQUENCE', cause: { id: 'crimea-annexation-2014' } }]);
  });

  it('refuses a cause that is not an event, naming the list element', async () => {
    const res = await postGraphql(seeded.api.url, { query: UPSERT_EVENT, variables: { input: event(['russia']), source: 'liputan6-2022-01-14-nrc' } }, { authorization: `Bearer ${writeKey}` });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.causedBy[0]' });
  });
});
