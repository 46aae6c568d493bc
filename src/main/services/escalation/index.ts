/** Escalation: stage history, red flags, the next step, the position statement (issue 17). */
export {
  listStageHistory,
  changeStage,
  caseRedFlags,
  recordCaseOpened,
  caseNextSteps,
  flaggedCases,
  getEscalationSettings,
  setEscalationSettings,
} from './escalation-service';
export {
  getPositionStatement,
  savePositionStatement,
  deletePositionStatement,
  positionStatementDraft,
  savedPositionStatement,
} from './position-statement-service';
export { recordStageChange } from './stage-history';
