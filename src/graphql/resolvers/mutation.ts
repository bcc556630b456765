/** Resolvers of Mutation: thin wrappers over the writer that map refused input to BAD_USER_INPUT. */
import { requireWriteKey } from '../../auth/access-plugin.js';
import { API_WRITABLE_SECTIONS, ENTITY_KINDS } from '../../model/entities.js';
import type { WritableSection } from '../../write/writable-sections.js';
import { WriteInputError } from '../../write/write-input-error.js';
import type { WriteResult } from '../../write/write-entity.js';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';

type UpsertArgs = { input: Record<string, unknown>; source?: string | null };

/** A resolver that writes one entity of a section. */
const upsert =
  (section: WritableSection) =>
  async (_: unknown, args: UpsertArgs, ctx: GraphContext): Promise<WriteResult> => {
    const principal = requireWriteKey(ctx.principal, ctx.authFailure);
    try {
      const result = await ctx.writer.write({ section, input: args.input, source: args.source ?? null, principal });
      ctx.logger.info({ keyId: principal.keyId, section, entityId: result.entity.id, outcome: result.outcome, changeId: result.change?.id }, 'write');
      ctx.loaders.prime(result.entity);
      return result;
    } catch (err) {
      if (err instanceof WriteInputError) throw badInput(err.argumentName, err.message);
      throw err;
    }
  };

/** Resolvers of Mutation: `upsert<Label>` for each section the model lets the API write (schema-drift.test.ts checks the SDL has them). */
export const mutationResolvers = {
  Mutation: Object.fromEntries(API_WRITABLE_SECTIONS.map((section) => [`upsert${ENTITY_KINDS[section].label}`, upsert(section)])),
};
