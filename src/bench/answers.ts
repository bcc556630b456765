/**
 * Before anything is timed, the benchmark checks that the implementations it
 * compares return the same answer for every start point: otherwise a faster
 * one may simply be reading less. Answers of different shapes are compared by
 * the ids they contain (every `id` value anywhere in the answer, as a sorted
 * multiset), which catches a missing or extra item, a different page and a
 * different cut-off of an ordered list.
 */
import type { Driver } from 'neo4j-driver';
import { fetchGraphqlData, floorAnswer } from './clients.js';
import type { Operation } from './operations.js';

/** Every `id` value in a JSON-like answer, sorted. */
export function idsIn(value: unknown): string[] {
  const ids: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string') ids.push(x);
        else walk(x);
      }
    }
  };
  walk(value);
  return ids.sort();
}

/** The outcome of comparing implementations' answers over an operation's start points. */
export interface AnswerCheck {
  operation: string;
  compared: string[];
  samples: number;
  /** Start points whose answers differ. */
  mismatches: number;
  /** The first difference, said plainly. */
  firstMismatch?: string;
}

/** Compares the floor, diplograph and (where it can express the operation) @neo4j/graphql on every start point. */
export async function checkAnswers(
  deps: { driver: Driver; database: string; diplographUrl: string; neo4jGraphqlUrl: string },
  op: Operation,
): Promise<AnswerCheck> {
  const compared = ['floor', 'diplograph', ...('query' in op.neo4jGraphql ? ['neo4j-graphql'] : [])];
  const check: AnswerCheck = { operation: op.name, compared, samples: op.samples.length, mismatches: 0 };
  for (const sample of op.samples) {
    const answers: string[][] = [idsIn(await floorAnswer(deps.driver, deps.database, op, sample))];
    answers.push(idsIn(await fetchGraphqlData(deps.diplographUrl, op.graphql, op.variables(sample))));
    if ('query' in op.neo4jGraphql) answers.push(idsIn(await fetchGraphqlData(deps.neo4jGraphqlUrl, op.neo4jGraphql.query, op.variables(sample))));
    const differing = answers.findIndex((a) => a.join('\n') !== answers[0]!.join('\n'));
    if (differing > 0) {
      check.mismatches++;
      if (!check.firstMismatch) {
        const [a, b] = [new Set(answers[0]), new Set(answers[differing])];
        const onlyFloor = [...a].filter((x) => !b.has(x)).slice(0, 5);
        const onlyOther = [...b].filter((x) => !a.has(x)).slice(0, 5);
        check.firstMismatch =
          `${JSON.stringify(sample.vars)}: floor has ${answers[0]!.length} ids, ${compared[differing]} ${answers[differing]!.length}` +
          `; only in floor: ${onlyFloor.join(', ') || '-'}; only in ${compared[differing]}: ${onlyOther.join(', ') || '-'}`;
      }
    }
  }
  return check;
}
