import type { escalationMethods } from '@shared/api/methods/escalation';
import {
  caseNextSteps,
  caseRedFlags,
  changeStage,
  deletePositionStatement,
  flaggedCases,
  getEscalationSettings,
  getPositionStatement,
  listStageHistory,
  recordCaseOpened,
  savePositionStatement,
  setEscalationSettings,
} from '../../services/escalation';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const escalationHandlers = {
  'escalation.history': (input, ctx) => listStageHistory(services(ctx), input.caseId),
  'escalation.changeStage': (input, ctx) => changeStage(services(ctx), input),
  'escalation.flags': (input, ctx) => caseRedFlags(services(ctx), input.caseId),
  'escalation.nextSteps': (input, ctx) => caseNextSteps(services(ctx), input.caseId),
  'escalation.recordOpened': (input, ctx) => recordCaseOpened(services(ctx), input.caseId),
  'escalation.flaggedCases': (_input, ctx) => flaggedCases(services(ctx)),
  'escalation.getSettings': (_input, ctx) => getEscalationSettings(services(ctx)),
  'escalation.setSettings': (input, ctx) => setEscalationSettings(services(ctx), input),
  'escalation.getPositionStatement': (input, ctx) => getPositionStatement(services(ctx), input.caseId),
  'escalation.savePositionStatement': (input, ctx) => savePositionStatement(services(ctx), input),
  'escalation.deletePositionStatement': (input, ctx) => deletePositionStatement(services(ctx), input.caseId),
} satisfies DomainHandlers<keyof typeof escalationMethods, AppContext>;
