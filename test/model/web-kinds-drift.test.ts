/**
 * The dashboard's kinds come from web/src/api/__generated__/model.ts (generated from
 * the model; web/ is a separate bundle that does not import src/): here the dashboard
 * as built is compared with the model, which fails when the generated file is stale or
 * the words of a kind are missing: every entity kind has a style, a readable name and a
 * place in the filters, and no other kind does; every stance kind has a style. A drift
 * names both sides.
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, ENTITY_SECTIONS } from '../../src/model/entities.js';
import { STANCE_KINDS } from '../../src/model/vocabulary.js';
import { ENTITY_KINDS as WEB_ENTITY_KINDS } from '../../web/src/api/types.js';
import { ENUM_LABELS } from '../../web/src/text/vocabulary.js';
import { ENTITY_KIND_STYLE, STANCE_STYLE } from '../../web/src/ui/kinds.js';

const MODEL = 'src/model/entities.ts';

/** The differences between the model's values and a web list, naming both sides. */
function compare(model: readonly string[], web: readonly string[], webSide: string): string[] {
  const problems: string[] = [];
  for (const k of model) if (!web.includes(k)) problems.push(`${k}: ${MODEL} defines it, ${webSide} does not have it`);
  for (const k of web) if (!model.includes(k)) problems.push(`${k}: ${webSide} has it, ${MODEL} does not define it`);
  return problems;
}

describe('the dashboard’s kinds against the model', () => {
  const kinds = ENTITY_SECTIONS.map((s) => ENTITY_KINDS[s].label.toUpperCase());

  it('styles, names and filters exactly the model’s entity kinds', () => {
    expect([
      ...compare(kinds, Object.keys(ENTITY_KIND_STYLE), 'web/src/ui/kinds.ts ENTITY_KIND_STYLE'),
      ...compare(kinds, WEB_ENTITY_KINDS, 'web/src/api/types.ts ENTITY_KINDS'),
      ...compare(kinds, Object.keys(ENUM_LABELS.EntityKind ?? {}), 'web/src/text/vocabulary.ts ENUM_LABELS.EntityKind'),
    ]).toEqual([]);
  });

  it('names each kind as the model labels it', () => {
    const misnamed = ENTITY_SECTIONS.flatMap((s) => {
      const { label } = ENTITY_KINDS[s];
      const web = ENTITY_KIND_STYLE[label.toUpperCase() as keyof typeof ENTITY_KIND_STYLE]?.name;
      return web === label ? [] : [`${label}: ${MODEL} labels it "${label}", web/src/ui/kinds.ts names it "${web}"`];
    });
    expect(misnamed).toEqual([]);
  });

  it('styles exactly the model’s stance kinds', () => {
    expect(compare(STANCE_KINDS, Object.keys(STANCE_STYLE), 'web/src/ui/kinds.ts STANCE_STYLE')).toEqual([]);
  });
});
