/**
 * The mutation input types and the seed sections must not drift apart: each input type
 * has exactly the fields of its seed section, so one validation (the seed schema)
 * serves both seed files and the API.
 */
import { Kind, type InputObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { WRITABLE_SECTIONS, type WritableSection } from '../../src/write/writable-sections.js';

const INPUT_OF: Record<WritableSection, string> = {
  sources: 'SourceInput',
  actors: 'ActorInput',
  statements: 'StatementInput',
  stances: 'StanceInput',
  demands: 'DemandInput',
  events: 'EventInput',
};

const inputs = new Map(
  loadTypeDefs()
    .definitions.filter((d): d is InputObjectTypeDefinitionNode => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION)
    .map((d) => [d.name.value, d]),
);

describe('mutation inputs', () => {
  for (const [section, inputName] of Object.entries(INPUT_OF) as Array<[WritableSection, string]>) {
    it(`${inputName} has the fields of the seed section ${section}, each described`, () => {
      const input = inputs.get(inputName);
      expect(input, inputName).toBeDefined();
      const fields = (input!.fields ?? []).map((f) => f.name.value).sort();
      expect(fields).toEqual(Object.keys((WRITABLE_SECTIONS[section] as unknown as z.ZodObject).shape).sort());
      for (const f of input!.fields ?? []) expect(f.description?.value, `${inputName}.${f.name.value}`).toBeTruthy();
    });
  }
});
