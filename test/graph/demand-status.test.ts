/** Demand.status from positions, without Neo4j: the states, the counts and the latest response. */
import { describe, expect, it } from 'vitest';
import { demandStatusOf } from '../../src/graph/demand-status.js';
import type { EntityRecord } from '../../src/graph/entity-record.js';
import type { Position } from '../../src/graph/positions.js';

const demand: EntityRecord = { id: 'd', __label: 'Demand' };
const stance = (id: string, date: string): EntityRecord => ({ id, date, __label: 'Stance' });

function pos(actorId: string, kind: string, extra: Partial<Position> = {}): Position {
  return { actor: { id: actorId, __label: 'Actor' }, kind, derived: false, basis: 'STATED', stance: null, via: null, target: demand, date: '2022-01-12', ...extra };
}
const made = (actorId: string) => pos(actorId, 'SUPPORTS', { basis: 'DEMANDED' });
const inherited = (actorId: string, kind: string) => pos(actorId, kind, { derived: true, basis: 'INHERITED', orgId: 'org' });

describe('demandStatusOf', () => {
  it('is OPEN while no addressee has answered directly, even when an addressee inherits a stance', () => {
    const status = demandStatusOf([made('maker'), pos('bystander', 'REJECTS'), inherited('x', 'REJECTS')], ['x']);
    expect(status.state).toBe('OPEN');
  });

  it('is REJECTED when every addressee rejects, ACCEPTED when every one supports, else ANSWERED', () => {
    expect(demandStatusOf([pos('x', 'REJECTS'), pos('y', 'REJECTS')], ['x', 'y']).state).toBe('REJECTED');
    expect(demandStatusOf([pos('x', 'SUPPORTS'), pos('y', 'SUPPORTS')], ['x', 'y']).state).toBe('ACCEPTED');
    expect(demandStatusOf([pos('x', 'REJECTS')], ['x', 'y']).state).toBe('ANSWERED');
    expect(demandStatusOf([pos('x', 'REJECTS'), pos('y', 'SUPPORTS')], ['x', 'y']).state).toBe('ANSWERED');
    // An addressee who rejects and also says something else still rejects.
    expect(demandStatusOf([pos('x', 'REJECTS'), pos('x', 'OPEN_TO')], ['x']).state).toBe('REJECTED');
  });

  it('counts stances by kind, direct and inherited apart, leaving out the makers', () => {
    const status = demandStatusOf([made('maker'), pos('x', 'REJECTS'), pos('y', 'REJECTS'), inherited('z', 'REJECTS'), pos('w', 'SUPPORTS')], ['x']);
    expect(status.counts).toEqual([
      { kind: 'REJECTS', direct: 2, derived: 1 },
      { kind: 'SUPPORTS', direct: 1, derived: 0 },
    ]);
  });

  it('takes the newest stated stance as the latest response (ties by id), or null without one', () => {
    const positions = [
      pos('x', 'REJECTS', { stance: stance('s-b', '2022-03-01') }),
      pos('y', 'SUPPORTS', { stance: stance('s-a', '2022-03-01') }),
      pos('z', 'OPEN_TO', { stance: stance('s-c', '2022-02-01') }),
      inherited('w', 'REJECTS'),
    ];
    expect(demandStatusOf(positions, ['x']).latestResponse?.id).toBe('s-a');
    expect(demandStatusOf([made('maker'), inherited('w', 'REJECTS')], ['w']).latestResponse).toBeNull();
  });
});
