/**
 * The one writer of stage history rows: the stage dialog (escalation.changeStage), the case form
 * (cases.create / cases.update) and the demo all record a change through it. It reads and writes
 * only its own table, so the cases service can call it without a cycle.
 */
import type { CaseStage } from '@shared/domain/vocabulary';
import type { StageHistoryEntry } from '@shared/domain/escalation';
import { caseStageHistoryTable } from '../../db/schema';
import type { VaultDb } from '../../db/connection';

export interface StageChange {
  caseId: number;
  fromStage: CaseStage | null;
  toStage: CaseStage;
  changedOn: string;
  reason: string | null;
  source: StageHistoryEntry['source'];
}

export function recordStageChange(db: VaultDb, change: StageChange): StageHistoryEntry {
  return db.orm.insert(caseStageHistoryTable).values(change).returning().get() as StageHistoryEntry;
}
