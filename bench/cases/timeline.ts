import { SeededRandom } from '../../src/main/demo/random';
import { listEvents } from '../../src/main/services/events/events-service';
import { timed, type BenchCase } from './bench-case';

export const TIMELINE_SAMPLE = 200;

function sampleCases(caseIds: readonly number[]): number[] {
  return new SeededRandom(200).sample(caseIds, TIMELINE_SAMPLE);
}

/** Opening a case's timeline: listEvents for the same 200 random cases, median per query. */
export const timeline: BenchCase = {
  name: `Timeline (listEvents, ${TIMELINE_SAMPLE} random cases, per query)`,
  maxRatio: 1.3,
  warmups: 1,
  runs: 5,
  run(target) {
    return sampleCases(target.caseIds).map((caseId) => timed(() => listEvents(target.ctx, { caseId })));
  },
};
