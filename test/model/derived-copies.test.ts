/**
 * What is still written beside the model rather than derived from it is compared with
 * it here: the zod seed schemas (src/seed/seed-schema.ts: messages and refinements are
 * hand-written) and the resolvers' relation map (src/graph/relations.ts: its keys are
 * written out, as they type the resolvers; the values of model references come from the
 * model, so here every reference must have its entry). A drift names both sides.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RELATIONS } from '../../src/graph/relations.js';
import { ENTITY_KINDS, ENTITY_SECTIONS, referencesOf, type ModelField } from '../../src/model/entities.js';
import { SECTION_SCHEMAS } from '../../src/seed/seed-schema.js';

const MODEL = 'src/model/entities.ts';

/** The object shape of a section's schema (the stance schema is refined). */
function shapeOf(section: (typeof ENTITY_SECTIONS)[number]): Record<string, z.ZodType> {
  const schema = SECTION_SCHEMAS[section] as unknown as { shape?: Record<string, z.ZodType>; def: { schema?: { shape: Record<string, z.ZodType> } } };
  return schema.shape ?? schema.def.schema!.shape;
}

describe('the seed schemas against the model', () => {
  it('have the model’s fields, in its order, required where it requires them, with its enum values', () => {
    const problems: string[] = [];
    for (const section of ENTITY_SECTIONS) {
      const shape = shapeOf(section);
      const side = `src/seed/seed-schema.ts ${section}`;
      const model = Object.keys(ENTITY_KINDS[section].fields);
      if (JSON.stringify(Object.keys(shape)) !== JSON.stringify(model))
        problems.push(`${section}: ${MODEL} has fields ${model.join(', ')}, ${side} has ${Object.keys(shape).join(', ')}`);
      for (const [name, field] of Object.entries(ENTITY_KINDS[section].fields) as Array<[string, ModelField]>) {
        const zod = shape[name];
        if (!zod) continue;
        const optional = zod.safeParse(undefined).success;
        const required = field.required === true && !('default' in field && field.default !== undefined);
        if (optional === required) problems.push(`${section}.${name}: ${MODEL} says ${required ? 'required' : 'optional'}, ${side} says ${optional ? 'optional' : 'required'}`);
        if (field.kind === 'ref' && field.many && field.required && zod.safeParse([]).success)
          problems.push(`${section}.${name}: ${MODEL} requires at least one, ${side} accepts an empty list`);
        if (field.kind === 'enum') {
          for (const v of field.values!) if (!zod.safeParse(v).success) problems.push(`${section}.${name}: ${MODEL} allows ${v}, ${side} refuses it`);
          if (zod.safeParse('NOT_A_VALUE').success) problems.push(`${section}.${name}: ${side} accepts values ${MODEL} does not list`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the relation map against the model', () => {
  it('follows each reference the model defines with its type, direction and cardinality', () => {
    const problems: string[] = [];
    const map = RELATIONS as Record<string, { type: string; dir: string; one?: boolean }>;
    for (const section of ENTITY_SECTIONS) {
      const { label } = ENTITY_KINDS[section];
      for (const [field, ref] of referencesOf(section)) {
        const key = `${label}.${field}`;
        const rel = map[key] ?? (['sources', 'evidence'].includes(field) ? map[`Fact.${field}`] : undefined);
        if (!rel) {
          if (!ref.inner) problems.push(`${key}: ${MODEL} has the reference, src/graph/relations.ts has no entry for it`);
          continue;
        }
        const model = `${ref.type} ${ref.direction} ${ref.many ? 'many' : 'one'}`;
        const sdl = `${rel.type} ${rel.dir} ${rel.one === true ? 'one' : 'many'}`;
        if (model !== sdl) problems.push(`${key}: ${MODEL} says ${model}, src/graph/relations.ts says ${sdl}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
