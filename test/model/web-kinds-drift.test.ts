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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { KINDS_WITH_OWN_FACTS } from '../../web/src/operations/own-facts.js';

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

  it('lists in own-facts.ts exactly the kinds with a hand-made page (decision 0039), all of the model', () => {
    // Actors and demands have views of their own; the others a `case` of entity-facts.ts.
    const source = readFileSync(path.join(projectRoot, 'web', 'src', 'views', 'entity-facts.ts'), 'utf8');
    const handMade = ['ACTOR', 'DEMAND', ...[...source.matchAll(/^\s*case '([A-Z_]+)':/gm)].map((m) => m[1]!)];
    expect([
      ...compare(handMade, KINDS_WITH_OWN_FACTS, 'web/src/operations/own-facts.ts KINDS_WITH_OWN_FACTS').map((p) => p.replace(MODEL, 'web/src/views/entity-facts.ts (a case)')),
      ...KINDS_WITH_OWN_FACTS.filter((k) => !kinds.includes(k)).map((k) => `${k}: web/src/operations/own-facts.ts has it, ${MODEL} does not define it`),
    ]).toEqual([]);
  });

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
