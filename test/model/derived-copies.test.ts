/**
 * What is still written beside the model rather than derived from it is compared with
 * it here: the resolvers' relation map (src/graph/relations.ts: its keys are written
 * out, as they type the resolvers; the values of model references come from the model,
 * so here every reference must have its entry). A drift names both sides. The seed
 * schemas are derived (test/seed/seed-schema.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../../src/graph/relations.js';
import { ENTITY_KINDS, ENTITY_SECTIONS, referencesOf } from '../../src/model/entities.js';

const MODEL = 'src/model/entities.ts';

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
