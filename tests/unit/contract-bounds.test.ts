/**
 * Every input in the contract, walked to every depth: each object rejects unknown keys, and each
 * number has a lower and an upper bound (or is an id, which the contract bounds by recordId).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../src/shared/api/contract';

interface Found {
  looseObjects: string[];
  unboundedNumbers: string[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function walk(schema: z.ZodType, path: string, found: Found, seen: Set<unknown>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as z.ZodType | undefined;
      if (!catchall || defOf(catchall).type !== 'never') found.looseObjects.push(path || '(root)');
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(child, `${path}.${key}`, found, seen);
      return;
    }
    case 'number': {
      // Record ids are bounded by the safe-integer range; every other number needs a real bound.
      const { minValue, maxValue } = schema as unknown as { minValue: number | null; maxValue: number | null };
      const isId = /(^|\.)(id|[a-zA-Z]+Id)(\[\])?$/.test(path) || /Ids\[\]$/.test(path);
      const hasMin = minValue !== null && Number.isFinite(minValue) && minValue > Number.MIN_SAFE_INTEGER;
      const hasMax = maxValue !== null && Number.isFinite(maxValue) && (isId || maxValue < Number.MAX_SAFE_INTEGER);
      if (!hasMin || !hasMax) found.unboundedNumbers.push(path);
      return;
    }
    case 'array':
      return walk(def.element as z.ZodType, `${path}[]`, found, seen);
    case 'union':
      (def.options as z.ZodType[]).forEach((option, index) => walk(option, `${path}|${index}`, found, seen));
      return;
    case 'intersection':
      walk(def.left as z.ZodType, path, found, seen);
      walk(def.right as z.ZodType, path, found, seen);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return walk(def.innerType as z.ZodType, path, found, seen);
    case 'pipe':
      walk(def.in as z.ZodType, path, found, seen);
      return;
    case 'record':
      return walk(def.valueType as z.ZodType, `${path}{}`, found, seen);
    case 'tuple':
      (def.items as z.ZodType[]).forEach((item, index) => walk(item, `${path}[${index}]`, found, seen));
      return;
    case 'lazy':
      return walk((def.getter as () => z.ZodType)(), path, found, seen);
    default:
      return;
  }
}

describe('the API contract', () => {
  const found: Found = { looseObjects: [], unboundedNumbers: [] };
  for (const [name, spec] of Object.entries(contract)) walk((spec as { input: z.ZodType }).input, name, found, new Set());

  it('rejects unknown keys in every input object, at every depth', () => {
    expect(found.looseObjects).toEqual([]);
  });

  it('bounds every number in every input', () => {
    expect(found.unboundedNumbers).toEqual([]);
  });
});
