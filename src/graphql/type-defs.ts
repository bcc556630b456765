/**
 * The GraphQL type definitions: schema.graphql, the only SDL, read and parsed once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { projectRoot } from '../config.js';

/** Where the SDL lives. */
export const schemaFile = path.join(projectRoot, 'schema.graphql');

let parsed: DocumentNode | undefined;

/**
 * Returns schema.graphql parsed into a document, reading the file on the first call
 * only. A syntax error in the file throws a GraphQLError naming the line and column.
 */
export function loadTypeDefs(): DocumentNode {
  parsed ??= gql(fs.readFileSync(schemaFile, 'utf8'));
  return parsed;
}
