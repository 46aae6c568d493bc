import { deadlinesInRange, exportDeadlinesIcs, listCaseDeadlines } from '../../services/deadlines/deadlines-service';
import { completeTask, createTask, deleteTask, reopenTask, setTaskOutcome, snoozeTask, updateTask } from '../../services/deadlines/tasks-service';
import type { deadlineMethods } from '@shared/api/methods/deadlines';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const deadlineHandlers = {
  'deadlines.listForCase': (input, ctx) => listCaseDeadlines(services(ctx), input),
  'deadlines.range': (input, ctx) => deadlinesInRange(services(ctx), input),
  'deadlines.exportIcs': (input, ctx) => exportDeadlinesIcs(services(ctx), input),
  'deadlines.createTask': (input, ctx) => createTask(services(ctx), input),
  'deadlines.updateTask': (input, ctx) => updateTask(services(ctx), input),
  'deadlines.deleteTask': (input, ctx) => deleteTask(services(ctx), input.id),
  'deadlines.complete': (input, ctx) => completeTask(services(ctx), input),
  'deadlines.setOutcome': (input, ctx) => setTaskOutcome(services(ctx), input),
  'deadlines.snooze': (input, ctx) => snoozeTask(services(ctx), input),
  'deadlines.reopen': (input, ctx) => reopenTask(services(ctx), input),
} satisfies DomainHandlers<keyof typeof deadlineMethods, AppContext>;
