/**
 * Roll-ups and lookups an analyst expects (issue 16), over HTTP against the seeded
 * graph: issue filters (timeline, positions, agreement) take in sub-issues unless asked
 * otherwise, actor filters take in an actor's parts where asked, statements and stances
 * are listed across speakers and holders with filters and keyset cursors, search finds
 * stances, figures and notes by their words, and events are chained by cause and
 * consequence.
 */
import { describe, expect, it } from 'vitest';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const api = withSeededServer();

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

async function query(text: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await postGraphql(api().url, { query: text, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data;
}

const TIMELINE = `query ($filter: TimelineFilter) {
  timeline(filter: $filter, first: 200) { totalCount edges { node { kind entity { id } } } }
}`;
const timelineIds = async (filter: Record<string, unknown>): Promise<string[]> =>
  (await query(TIMELINE, { filter })).timeline.edges.map((e: Json) => e.node.entity.id);

describe('issue filters take in sub-issues', () => {
  it("the timeline of Ukraine's security holds Crimea's annexation (of its sub-issue Crimea), and not when sub-issues are left out", async () => {
    const rolled = await timelineIds({ issueIds: ['ukraine-security'] });
    expect(rolled).toContain('crimea-annexation-2014');
    expect(rolled).toContain('ukrainian-soldier-killed-2022-01-11'); // eastern-ukraine-conflict, a sub-issue
    expect(rolled).toContain('stmt-dwi-insurgency-since-2014');
    const own = await timelineIds({ issueIds: ['ukraine-security'], includeSubIssues: false });
    expect(own).not.toContain('crimea-annexation-2014');
    expect(own).not.toContain('stmt-dwi-insurgency-since-2014');
    expect(own.length).toBeGreaterThan(0);
    expect(rolled.length).toBeGreaterThan(own.length);
    for (const id of own) expect(rolled).toContain(id);
  });

  it('positions on an issue include those on its sub-issues, each naming its own target', async () => {
    const q = `query ($sub: Boolean) { positions(issueId: "ukraine-security", asOf: "2022-01-31", includeSubIssues: $sub) {
      positions { actor { id } kind target { id } } } }`;
    const rolled = (await query(q, { sub: true })).positions.positions;
    const own = (await query(q, { sub: false })).positions.positions;
    const targets = new Set(rolled.map((p: Json) => p.target.id));
    expect(targets).toContain('ukraine-security');
    expect(targets).toContain('russia-ukraine-border-crisis');
    expect(new Set(own.map((p: Json) => p.target.id))).toEqual(new Set(['ukraine-security']));
    expect(rolled.length).toBeGreaterThan(own.length);
  });
});

describe('agreement on an issue', () => {
  const AGREEMENT = `query ($issueId: ID, $sub: Boolean) {
    agreement(actorIds: ["russia", "germany"], asOf: "2022-01-31", issueId: $issueId, includeSubIssues: $sub) {
      agreeCount disagreeCount
      topics(first: 500) { verdict topic { id entityKind } }
      disagreements: topics(verdicts: [DISAGREE], first: 500) { topic { id } } } }`;
  const topicIds = (a: Json): string[] => a.topics.map((t: Json) => t.topic.id);
  /** The counts say what the page shows. */
  const expectCountsOfPage = (a: Json) => {
    expect(a.agreeCount).toBe(a.topics.filter((t: Json) => t.verdict === 'AGREE').length);
    expect(a.disagreeCount).toBe(a.topics.filter((t: Json) => t.verdict === 'DISAGREE').length);
    expect(a.disagreements).toHaveLength(a.disagreeCount);
  };

  it('Russia and Germany on European security: its sub-issues at any depth and the demands concerning them, none of its own alone', async () => {
    const all = (await query(AGREEMENT, {})).agreement;
    const rolled = (await query(AGREEMENT, { issueId: 'european-security' })).agreement;
    expect(topicIds(rolled)).toContain('diplomatic-missions'); // a sub-issue of nato-russia-dialogue, itself one of european-security
    expect(topicIds(rolled)).toContain('arms-control');
    expect(topicIds(rolled)).toContain('demand-nato-stop-enlargement'); // concerns nato-enlargement, a sub-issue
    expect(rolled.disagreeCount).toBeGreaterThan(0);
    expectCountsOfPage(rolled);
    // Every topic of that day falls under European security: the filtered answer is the whole one.
    expect(rolled.topics).toEqual(all.topics);
    const own = (await query(AGREEMENT, { issueId: 'european-security', sub: false })).agreement;
    expect(own.topics).toEqual([]);
    expect([own.agreeCount, own.disagreeCount]).toEqual([0, 0]);
  });

  it('on NATO enlargement only the demand concerning it counts; on the NATO-Russia dialogue its sub-issue counts unless sub-issues are left out', async () => {
    const enlargement = (await query(AGREEMENT, { issueId: 'nato-enlargement' })).agreement;
    expect(enlargement.topics).toEqual([{ verdict: 'DISAGREE', topic: { id: 'demand-nato-stop-enlargement', entityKind: 'DEMAND' } }]);
    expect([enlargement.agreeCount, enlargement.disagreeCount]).toEqual([0, 1]);
    expectCountsOfPage(enlargement);
    expect(topicIds((await query(AGREEMENT, { issueId: 'nato-russia-dialogue' })).agreement)).toEqual(['diplomatic-missions']);
    expect(topicIds((await query(AGREEMENT, { issueId: 'nato-russia-dialogue', sub: false })).agreement)).toEqual([]);
  });

  it.each([['no-such-issue'], ['russia']])('an issue id %s that names no issue is NOT_FOUND naming it', async (issueId) => {
    const res = await postGraphql(api().url, { query: AGREEMENT, variables: { issueId } });
    expect(res.body.data).toEqual({ agreement: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.body.errors?.[0]?.message).toContain(issueId);
    expect(res.body.errors?.[0]?.path).toEqual(['agreement']);
  });
});

describe('actors rolled up through PART_OF where asked', () => {
  it("Ukraine's timeline holds what the Ukrainian armed forces reported with includeParts, and not without", async () => {
    const plain = await timelineIds({ actorIds: ['ukraine'] });
    expect(plain).not.toContain('stmt-ukraine-army-soldier-killed');
    const withParts = await timelineIds({ actorIds: ['ukraine'], includeParts: true });
    expect(withParts).toContain('stmt-ukraine-army-soldier-killed');
    expect(withParts).toContain('ukrainian-soldier-killed-2022-01-11');
    for (const id of plain) expect(withParts).toContain(id);
  });

  it("Ukraine's own statements list its armed forces' report with includeParts, paged with cursors of their own", async () => {
    const q = `query ($parts: Boolean, $after: String) { actor(id: "ukraine") {
      id statements(includeParts: $parts, role: SPEAKER, first: 1, after: $after) { totalCount edges { node { id speaker { id } } } pageInfo { endCursor hasNextPage } } } }`;
    const plain = (await query(q, { parts: false })).actor.statements;
    const rolled = (await query(q, { parts: true })).actor.statements;
    expect(rolled.totalCount).toBeGreaterThan(plain.totalCount);
    const ids: string[] = [];
    let page = rolled;
    for (;;) {
      ids.push(...page.edges.map((e: Json) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      page = (await query(q, { parts: true, after: page.pageInfo.endCursor })).actor.statements;
    }
    expect(ids).toContain('stmt-ukraine-army-soldier-killed');
    expect(ids).toHaveLength(rolled.totalCount);
    // A cursor of the rolled-up list is not one of the plain list.
    const res = await postGraphql(api().url, { query: q, variables: { parts: false, after: rolled.pageInfo.endCursor } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it("statements by Ukraine with its parts include its armed forces' report", async () => {
    const q = `query ($parts: Boolean) { statements(filter: { speakerIds: ["ukraine"], includeParts: $parts }) { edges { node { id speaker { id } } } } }`;
    const ids = (d: Json) => d.statements.edges.map((e: Json) => e.node.id);
    expect(ids(await query(q, { parts: false }))).not.toContain('stmt-ukraine-army-soldier-killed');
    expect(ids(await query(q, { parts: true }))).toContain('stmt-ukraine-army-soldier-killed');
  });
});

describe('top-level statements and stances', () => {
  it('lists the statements that mention an actor, and only those', async () => {
    const d = await query(`{ statements(filter: { mentions: "pro-moscow-separatists" }, order: ASC) {
      totalCount edges { node { id mentions { id } } } } }`);
    const ids = d.statements.edges.map((e: Json) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining(['stmt-ukraine-army-soldier-killed', 'stmt-dwi-insurgency-since-2014']));
    expect(d.statements.totalCount).toBe(ids.length);
    for (const e of d.statements.edges) expect(e.node.mentions.map((m: Json) => m.id)).toContain('pro-moscow-separatists');
  });

  it('filters statements by language, mode and source', async () => {
    const d = await query(`{ statements(filter: { languages: ["id"], modes: [DIRECT_QUOTE], sourceIds: ["liputan6-2022-01-14-nrc"] }, first: 200) {
      totalCount edges { node { id language mode } } } }`);
    expect(d.statements.totalCount).toBeGreaterThan(0);
    for (const e of d.statements.edges) expect(e.node.mode).toBe('DIRECT_QUOTE');
  });

  const STANCES = `query ($first: Int, $after: String, $last: Int, $before: String) {
    stances(filter: { kinds: [OPEN_TO, ACCUSES], from: "2022-01", to: "2022-01" }, order: ASC,
            first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { cursor node { id kind date { iso } holder { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  it('lists stances of some kinds across holders within a date range, paged forward and back', async () => {
    const all = (await query(STANCES, { first: 200 })).stances;
    const ids: string[] = all.edges.map((e: Json) => e.node.id);
    expect(all.totalCount).toBe(ids.length);
    expect(new Set(all.edges.map((e: Json) => e.node.holder.id))).toEqual(new Set(['nato', 'russia', 'united-states']));
    for (const e of all.edges) {
      expect(['OPEN_TO', 'ACCUSES']).toContain(e.node.kind);
      expect(e.node.date.iso.startsWith('2022-01')).toBe(true);
    }
    // NATO's espionage accusation is of October 2021: outside the range.
    expect(ids).not.toContain('stance-nato-accuses-russia-of-espionage');
    expect(ids).toContain('stance-russia-accuses-nato-containment');

    // Forward, three at a time: the pages join up to the whole list.
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Json = (await query(STANCES, { first: 3, after })).stances;
      forward.push(...page.edges.map((e: Json) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);

    // Backward from the end, two at a time: the same list.
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Json = (await query(STANCES, { last: 2, before })).stances;
      backward.unshift(...page.edges.map((e: Json) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
  });

  it('refuses a cursor of another filter, naming the argument; a roll-up flag at its default is no other filter', async () => {
    const first = (await query(STANCES, { first: 1 })).stances;
    const same = await query(
      `query ($after: String) { stances(filter: { kinds: [OPEN_TO, ACCUSES], from: "2022-01", to: "2022-01", includeSubIssues: true, includeParts: false }, order: ASC, first: 1, after: $after) { edges { node { id } } } }`,
      { after: first.pageInfo.endCursor },
    );
    expect(same.stances.edges).toHaveLength(1);
    expect(same.stances.edges[0].node.id).not.toBe(first.edges[0].node.id);
    const res = await postGraphql(api().url, {
      query: `query ($after: String) { stances(filter: { kinds: [REJECTS] }, first: 1, after: $after) { totalCount } }`,
      variables: { after: first.pageInfo.endCursor },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('refuses a date range that ends before it starts', async () => {
    const res = await postGraphql(api().url, { query: '{ statements(filter: { from: "2022-02", to: "2022-01" }) { totalCount } }' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.to' });
  });
});

describe('search over stances, figures and notes', () => {
  const SEARCH = `query ($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 20) {
    edges { kind matchedText detail node { id } } } }`;
  const hits = async (text: string, kinds?: string[]) => (await query(SEARCH, { text, kinds })).search.edges;

  it('finds a stance by the words of its summary', async () => {
    const found = await hits('espionage', ['STANCE']);
    expect(found.map((h: Json) => h.node.id)).toContain('stance-nato-accuses-russia-of-espionage');
    expect(found[0].detail).toMatch(/North Atlantic Treaty Organization accuses/i);
  });

  it('finds a figure by what it counts', async () => {
    const found = await hits('killed', ['FIGURE']);
    const ids = found.map((h: Json) => h.node.id);
    expect(ids).toContain('figure-eastern-ukraine-conflict-deaths');
    expect(found.find((h: Json) => h.node.id === 'figure-eastern-ukraine-conflict-deaths').matchedText).toMatch(/killed/i);
  });

  it("finds an entity by its analyst's note", async () => {
    const ids = (await hits('typo')).map((h: Json) => h.node.id);
    expect(ids).toEqual(expect.arrayContaining(['stmt-ukraine-army-soldier-killed', 'pro-moscow-separatists']));
  });

  it('still ranks a name equal to the text first', async () => {
    const found = await hits('Russia');
    expect(found[0].node.id).toBe('russia');
  });
});

describe('event chains', () => {
  it("leads from Crimea's annexation to the halted NRC meetings and the conflict with its dead", async () => {
    const d = await query(`{ eventChain(id: "crimea-annexation-2014") {
      event { id } direction
      links { depth link { type cause { id } consequence { id } } }
      events { id figures { value qualifier quantity } }
    } }`);
    const chain = d.eventChain;
    expect(chain.direction).toBe('CONSEQUENCES');
    const links = chain.links.map((l: Json) => `${l.link.cause.id} -${l.link.type}-> ${l.link.consequence.id} @${l.depth}`);
    expect(links).toEqual(expect.arrayContaining([
      'crimea-annexation-2014 -RESPONSE-> nrc-meetings-halted-2014 @1',
      'crimea-annexation-2014 -CONSEQUENCE-> eastern-ukraine-conflict-2014 @1',
    ]));
    const conflict = chain.events.find((e: Json) => e.id === 'eastern-ukraine-conflict-2014');
    expect(conflict.figures).toContainEqual({ value: 13000, qualifier: 'MORE_THAN', quantity: 'People killed in the conflict since 2014' });
  });

  it("goes back from the conflict to Crimea's annexation, and answers an event's causes and consequences", async () => {
    const back = await query(`{ eventChain(id: "eastern-ukraine-conflict-2014", direction: CAUSES, depth: 1) { events { id } } }`);
    expect(back.eventChain.events.map((e: Json) => e.id)).toEqual(['crimea-annexation-2014']);
    const e = await query(`{ event(id: "crimea-annexation-2014") { causes { type } consequences { type consequence { id } } } }`);
    expect(e.event.causes).toEqual([]);
    expect(e.event.consequences.map((l: Json) => `${l.type} ${l.consequence.id}`).sort()).toEqual([
      'CONSEQUENCE eastern-ukraine-conflict-2014',
      'RESPONSE nrc-meetings-halted-2014',
    ]);
  });

  it('refuses a depth out of range and an id that is not an event', async () => {
    const deep = await postGraphql(api().url, { query: '{ eventChain(id: "crimea-annexation-2014", depth: 9) { events { id } } }' });
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'depth' });
    const actor = await postGraphql(api().url, { query: '{ eventChain(id: "russia") { events { id } } }' });
    expect(actor.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
