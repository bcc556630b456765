/**
 * What a lookup's selection plans to read in its one query: the properties its
 * resolvers need, and nothing the client did not ask for.
 */
import { buildASTSchema, Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { EntitySelection } from '../../src/graph/projected-read.js';
import { planSelection } from '../../src/graphql/projection.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';

const schema = buildASTSchema(loadTypeDefs());

/** Plans the first root field of `query` (a lookup of `type`). */
function plan(type: string, query: string, variableValues: Record<string, unknown> = {}): EntitySelection {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections[0] as FieldNode;
  return planSelection({ schema, fragments, variableValues }, schema.getType(type) as GraphQLObjectType, [root]);
}

describe('planning a lookup', () => {
  it('reads the properties the fields name, those the date resolvers need, and the validity of memberships', () => {
    const s = plan('Actor', `{ actor(id: "x") { kind countryCode memberships(asOf: "2022") { organization { kind } since: from { iso } } } }`);
    expect(s.properties).toEqual(expect.arrayContaining(['kind', 'countryCode']));
    expect(s.properties).not.toContain('aliases');
    const [memberships] = s.fetches;
    expect(memberships).toMatchObject({ kind: 'relation', field: 'Actor.memberships' });
    expect(memberships!.next.properties).toEqual(expect.arrayContaining(['from', 'fromPrecision', 'fromEnd', 'approximate', 'until', 'untilEnd']));
    expect(memberships!.next.fetches[0]).toMatchObject({ kind: 'relation', field: 'Membership.organization', next: { properties: expect.arrayContaining(['kind']) } });
  });

  it('reads the stored default text of a name or label asked without a language, and every property with one', () => {
    expect(plan('Actor', `{ actor(id: "x") { kind name } }`).properties).toEqual(['kind', 'name']);
    expect(plan('Actor', `{ actor(id: "x") { label } }`).properties).toEqual(expect.arrayContaining(['name', 'title', 'summary', 'gloss']));
    // The languages (name.en, name.ru, ...) are not known ahead.
    expect(plan('Actor', `query ($l: String) { actor(id: "x") { kind name(lang: $l) } }`, { l: 'ru' }).properties).toBeNull();
    expect(plan('Actor', `{ actor(id: "x") { kind label(lang: "ru") } }`).properties).toBeNull();
    expect(plan('Actor', `{ actor(id: "x") { names { all { lang text } } } }`).properties).toBeNull();
  });

  it('plans pages with their window, order and filter, and merges aliases of the same page', () => {
    const s = plan(
      'Actor',
      `query ($n: Int) { actor(id: "x") { a: statements(first: $n, role: SPEAKER) { edges { node { text } } } b: statements(first: $n, role: SPEAKER) { edges { node { gloss } } } c: demandsMade(kind: null, offset: 2) { id } } }`,
      { n: 3 },
    );
    expect(s.fetches).toHaveLength(2);
    // A connection's page reads one row more than asked: it tells whether another page follows.
    expect(s.fetches[0]).toMatchObject({ kind: 'page', field: 'Actor.statements', filter: 'SPEAKER', page: { after: null, skip: 0, limit: 4, desc: true } });
    expect(s.fetches[0]!.next.properties).toEqual(expect.arrayContaining(['text', 'gloss']));
    expect(s.fetches[1]).toMatchObject({ kind: 'page', field: 'Actor.demandsMade', page: { after: null, skip: 2, limit: 100, desc: false } });
  });

  it("does not read an actor's plain page of stances or statements asked with includeParts (the roll-up listing reads them)", () => {
    const s = plan('Actor', `{ actor(id: "x") { a: statements(includeParts: true, first: 5) { edges { node { text } } } b: stances(first: 5) { edges { node { kind } } } c: stances(includeParts: true) { totalCount } } }`);
    expect(s.fetches.map((f) => f.field)).toEqual(['Actor.stances']);
    expect(s.fetches[0]).toMatchObject({ kind: 'page', page: { limit: 6 } });
  });

  it('reads every property where it cannot tell what is needed: abstract ends, wrapped items, and beyond the depth limit', () => {
    const s = plan('Statement', `{ statement(id: "x") { supports { id } event { participants { actor { name } } } speaker { offices { organization { members { member { name } } } } } } }`);
    const supports = s.fetches.find((f) => f.field === 'Statement.supports')!;
    expect(supports.next.properties).toBeNull();
    const participants = s.fetches.find((f) => f.field === 'Statement.event')!.next.fetches[0]!;
    expect(participants).toMatchObject({ field: 'Event.participants', next: { properties: null } });
    const members = s.fetches.find((f) => f.field === 'Statement.speaker')!.next.fetches[0]!.next.fetches[0]!.next.fetches[0]!;
    expect(members).toMatchObject({ field: 'Actor.members', next: { properties: null, fetches: [] } });
  });

  it('leaves fields with invalid arguments to their resolvers, which report them', () => {
    const s = plan('Actor', `{ actor(id: "x") { stances(first: 0) { totalCount } demandsMade { id } } }`);
    expect(s.fetches.map((f) => f.field)).toEqual(['Actor.demandsMade']);
  });
});
