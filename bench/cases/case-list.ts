import { listCases } from '../../src/main/services/cases/cases-service';
import { timed, type BenchCase } from './bench-case';

/** The caseload list as the app opens it: default sort (recent activity), archived cases hidden. */
export const caseList: BenchCase = {
  name: 'Caseload list (listCases, default sort)',
  maxRatio: 1.3,
  warmups: 5,
  runs: 30,
  run(target) {
    return [timed(() => listCases(target.ctx, {}))];
  },
};
