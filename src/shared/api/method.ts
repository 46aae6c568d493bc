import { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** false only for the vault methods that must work while the vault is locked. */
  requiresUnlocked: boolean;
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O, requiresUnlocked = true): MethodSpec<I, O> {
  return { input, output, requiresUnlocked, summary };
}

export const ok = z.strictObject({ ok: z.literal(true) });
