/**
 * The possibleTypes map of schema.graphql: every interface and union with the object
 * types that implement or belong to it. Apollo Client's InMemoryCache needs it to match
 * a fragment on an interface (`... on Entity`) against an answer's `__typename`; without
 * it such fragments' fields are silently dropped. Published as a file
 * (src/graphql/__generated__/possible-types.json, `npm run generate`) and at
 * /possible-types.json.
 */
import path from 'node:path';
import { buildASTSchema, isAbstractType, type DocumentNode } from 'graphql';
import { projectRoot } from '../config.js';

/** Where `npm run generate` writes the map; a test keeps it in step with schema.graphql. */
export const possibleTypesFile = path.join(projectRoot, 'src', 'graphql', '__generated__', 'possible-types.json');

/** Abstract type name -> its object types' names, both sorted (stable output). */
export type PossibleTypes = Record<string, string[]>;

/** Computes the map from the SDL. */
export function possibleTypesOf(typeDefs: DocumentNode): PossibleTypes {
  const schema = buildASTSchema(typeDefs);
  const map: PossibleTypes = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    map[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  return map;
}

/** The file's text: the map as pretty JSON with a final newline. */
export function possibleTypesJson(typeDefs: DocumentNode): string {
  return `${JSON.stringify(possibleTypesOf(typeDefs), null, 2)}\n`;
}
