import { z } from 'zod';
import { AppError, type ApiError, type Result } from '@shared/api/errors';
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '@shared/api/contract';
import { isKeptAnswer } from '../db/write-version';

export type Handler<M extends MethodName, C> = (input: ParsedInput<M>, ctx: C) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers<C> = { [M in MethodName]: Handler<M, C> };
/** One domain's share of the handler table (src/main/api/handlers/<domain>.ts). */
export type DomainHandlers<K extends MethodName, C> = { [M in K]: Handler<M, C> };

export interface DispatchOptions {
  /** Called for failures that are not the user's (bugs, disk errors). Receives no input data. */
  onInternalError?: (method: string, error: unknown) => void;
  /** Checked before any method that needs the vault; throws LOCKED when it is locked. */
  isUnlocked: () => boolean;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function describeValidation(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Some of the information is not valid.';
  const where = first.path.length ? `${first.path.map(String).join('.')}: ` : '';
  return `Please check the form. ${where}${first.message}`;
}

// A kept answer (the dashboard: 2,000 families' lists, 10-30 ms to check) is returned unchanged
// until the next write, so its check is kept with it, per method.
const checkedKeptAnswers = new WeakMap<object, { method: MethodName; data: unknown }>();

/**
 * A method's answer checked against its contract (unknown fields stripped). An answer kept until
 * the next write (isKeptAnswer) is checked once: its checked copy is what every later call sends.
 * The unlock's warm-up checks the first screen's answers ahead, so their calls send at once.
 */
export function checkOutput(method: MethodName, value: unknown): z.ZodSafeParseResult<unknown> {
  const isKept = isKeptAnswer(value);
  if (isKept) {
    const last = checkedKeptAnswers.get(value as object);
    if (last?.method === method) return { success: true, data: last.data };
  }
  const checked = contract[method].output.safeParse(value);
  // Frozen, as every later call of this method shares it until the next write: a caller in this
  // process (a test, files.exportTo) that changed it would change every later answer.
  if (isKept && checked.success) checkedKeptAnswers.set(value as object, { method, data: deepFreeze(checked.data) });
  return checked;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/**
 * The one place where calls from the renderer (IPC or the loopback bridge) enter main: the method
 * name is checked against the contract, the input is parsed from `unknown`, and every outcome
 * becomes a `Result`. Services below throw AppError; nothing else crosses the boundary.
 */
export function createDispatcher<C>(handlers: Handlers<C>, ctx: C, options: DispatchOptions) {
  return async function dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'The app asked for something this version cannot do.' } };
    }
    const spec = contract[method];
    try {
      if (spec.requiresUnlocked && !options.isUnlocked()) {
        throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
      }
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        throw new AppError('VALIDATION', describeValidation(parsed.error), fieldErrors(parsed.error));
      }
      const handler = handlers[method] as (input: unknown, ctx: C) => unknown;
      const value = await handler(parsed.data, ctx);
      const checked = checkOutput(method, value);
      if (!checked.success) {
        throw new Error(`Output of ${method} does not match the contract: ${checked.error.message}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toApiError(method, error, options) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

function toApiError(method: string, error: unknown, options: DispatchOptions): ApiError {
  if (error instanceof AppError) {
    return error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message };
  }
  if (error instanceof z.ZodError) {
    return { code: 'VALIDATION', message: describeValidation(error), fields: fieldErrors(error) };
  }
  if (error && typeof error === 'object' && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'That change conflicts with other records (it may refer to something that was deleted).' };
  }
  options.onInternalError?.(method, error);
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Your data was not changed. Please try again.' };
}
