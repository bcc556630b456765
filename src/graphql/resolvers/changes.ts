/** Resolvers of the audit trail: Query.changes and the Change type. */
import { findChanges } from '../../write/find-changes.js';
import type { ChangeRecord } from '../../write/write-entity.js';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { keysetConnection, keysetRead, keysetWindow, type ConnectionArgs } from '../pagination.js';

type ChangesArgs = { entityId?: string | null; keyId?: string | null; from?: string | null; to?: string | null } & ConnectionArgs;

/** Query.changes: a read like any other (public unless READS_REQUIRE_KEY). */
export const changesQuery = async (_: unknown, args: ChangesArgs, ctx: GraphContext) => {
  if (args.from && args.to && args.to.localeCompare(args.from) < 0 && !args.from.startsWith(args.to)) throw badInput('to', `is before from (${args.from})`);
  const filter = { entityId: args.entityId ?? null, keyId: args.keyId ?? null, from: args.from ?? null, to: args.to ?? null };
  const ref = { field: 'Query.changes', args: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null)) };
  const window = keysetWindow(ref, args);
  const page = await findChanges(ctx.reader, { ...filter, ...keysetRead('DESC', window) });
  return keysetConnection(ref, page.items, page.total, window, (i) => i.key, (i) => ({ node: i.item }));
};

/** Resolvers of Change. */
export const changeTypeResolvers = {
  Change: {
    entity: (c: ChangeRecord, _: unknown, ctx: GraphContext) => ctx.loaders.entity.load(c.entityId),
    fields: (c: ChangeRecord) => c.fields ?? [],
  },
};
