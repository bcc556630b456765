/**
 * What building the composed Cypher costs per request (docs/decisions/0038): the
 * selections of the docs/queries lookups (actor profile, demand thread) planned as the
 * server plans them, then built many times with @neo4j/cypher-builder, once without the
 * text cache and once through it (the cache keeps the text per selection shape; the
 * parameters are computed each time). No Neo4j needed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getVariableValues, isObjectType, Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { projectRoot } from '../config.js';
import type { EntitySelection } from '../graph/projected-read.js';
import { lookupQuery, uncached } from '../graph/relation-read.js';
import { planSelection } from '../graphql/projection.js';
import { loadTypeDefs } from '../graphql/type-defs.js';

/** A lookup of docs/queries: its file, and the selection its root field plans. */
export interface PlannedLookup {
  name: string;
  id: string;
  selection: EntitySelection;
}

/** The selection the server plans for the root lookup of `docs/queries/<file>`, with the operation's default variables. */
export function plannedLookup(file: string, typeName: string): PlannedLookup {
  const schema = buildASTSchema(loadTypeDefs());
  const doc = parse(readFileSync(path.join(projectRoot, 'docs/queries', file), 'utf8'));
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], {});
  if (errors || !coerced) throw new Error(`${file}: ${errors?.map((e) => e.message).join('; ')}`);
  const root = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
  const type = schema.getType(typeName);
  if (!type || !isObjectType(type)) throw new Error(`no object type ${typeName}`);
  return { name: file, id: String(coerced.id), selection: planSelection({ schema, fragments, variableValues: coerced }, type, [root]) };
}

/** Milliseconds per build of one lookup's query, without and with the text cache. */
export interface BuildCost {
  name: string;
  fetches: number;
  uncachedMs: number;
  cachedMs: number;
}

/** Times `builds` builds of each lookup's query, after as many warm-up builds. */
export function relationReadCost(lookups: PlannedLookup[], builds: number): BuildCost[] {
  const time = (f: () => unknown): number => {
    for (let i = 0; i < builds; i++) f();
    const start = process.hrtime.bigint();
    for (let i = 0; i < builds; i++) f();
    return Number(process.hrtime.bigint() - start) / 1e6 / builds;
  };
  return lookups.map((l) => ({
    name: l.name,
    fetches: l.selection.fetches.length,
    uncachedMs: time(() => uncached.lookup(l.selection)),
    cachedMs: time(() => lookupQuery(l.id, l.selection)),
  }));
}
