import { clearJurisdictionOverride, listJurisdictions, setJurisdictionOverride } from '../../services/deadlines/jurisdiction-service';
import { deadlinesInRange, exportDeadlinesIcs, listCaseDeadlines } from '../../services/deadlines/deadlines-service';
import { completeTask, createTask, deleteTask, reopenTask, setTaskOutcome, snoozeTask, updateTask } from '../../services/tasks/tasks-service';
import { createClaim, deleteClaim, listClaims, recordClaimFiled, updateClaim } from '../../services/claims/claims-service';
import type { deadlineMethods } from '@shared/api/methods/deadlines';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const deadlineHandlers = {
  'deadlines.listForCase': (input, ctx) => listCaseDeadlines(services(ctx), input),
  'deadlines.range': (input, ctx) => deadlinesInRange(services(ctx), input),
  'deadlines.exportIcs': (input, ctx) => exportDeadlinesIcs(services(ctx), input),
  'tasks.create': (input, ctx) => createTask(services(ctx), input),
  'tasks.update': (input, ctx) => updateTask(services(ctx), input),
  'tasks.delete': (input, ctx) => deleteTask(services(ctx), input.id),
  'tasks.complete': (input, ctx) => completeTask(services(ctx), input),
  'tasks.setOutcome': (input, ctx) => setTaskOutcome(services(ctx), input),
  'claims.list': (input, ctx) => listClaims(services(ctx), input),
  'claims.create': (input, ctx) => createClaim(services(ctx), input),
  'claims.update': (input, ctx) => updateClaim(services(ctx), input),
  'claims.recordFiled': (input, ctx) => recordClaimFiled(services(ctx), input),
  'claims.delete': (input, ctx) => deleteClaim(services(ctx), input.id),
  'tasks.snooze': (input, ctx) => snoozeTask(services(ctx), input),
  'tasks.reopen': (input, ctx) => reopenTask(services(ctx), input),
  'jurisdictions.list': (_input, ctx) => listJurisdictions(services(ctx)),
  'jurisdictions.setOverride': (input, ctx) => setJurisdictionOverride(services(ctx), input),
  'jurisdictions.clearOverride': (input, ctx) => clearJurisdictionOverride(services(ctx), input),
} satisfies DomainHandlers<keyof typeof deadlineMethods, AppContext>;
