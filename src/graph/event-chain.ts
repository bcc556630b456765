/**
 * Chains of cause and consequence between events (issue 16, docs/decisions/0045): the
 * links the sources state, IN_RESPONSE_TO (a party answered) and CAUSED_BY (a
 * consequence), followed from one event towards its consequences or its causes.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';

/** How the sources link a cause to its consequence. */
export type EventLinkType = 'RESPONSE' | 'CONSEQUENCE';

/** One link: the earlier event, the event that followed from it, and how. */
export interface EventLink {
  cause: EntityRecord;
  consequence: EntityRecord;
  type: EventLinkType;
}

/** The link type of a relationship type of the chain. */
export const LINK_TYPE_OF: Readonly<Record<string, EventLinkType>> = { IN_RESPONSE_TO: 'RESPONSE', CAUSED_BY: 'CONSEQUENCE' };

/** The deepest chain the API reads. */
export const MAX_CHAIN_DEPTH = 6;

/** The links within `depth` of an event, nearest first, each with its distance; and the events reached, nearest first, each once. */
export async function findEventChain(
  reader: GraphReader,
  args: { id: string; direction: 'CONSEQUENCES' | 'CAUSES'; depth: number },
): Promise<{ links: Array<{ depth: number; link: EventLink }>; events: EntityRecord[] }> {
  const rows = await reader.read('event-chain', { id: args.id, consequences: args.direction === 'CONSEQUENCES', depth: int(args.depth) });
  const event = (props: unknown) => toEntityRecord({ props, label: 'Event' } as Row)!;
  const links = rows.map((r) => ({
    depth: Number(r.depth),
    link: { cause: event(r.cause), consequence: event(r.consequence), type: LINK_TYPE_OF[r.type as string]! },
  }));
  const seen = new Set<string>([args.id]);
  const events: EntityRecord[] = [];
  for (const { link } of links) {
    const far = args.direction === 'CONSEQUENCES' ? link.consequence : link.cause;
    if (!seen.has(far.id)) {
      seen.add(far.id);
      events.push(far);
    }
  }
  return { links, events };
}
