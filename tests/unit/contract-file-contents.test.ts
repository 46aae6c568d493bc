/**
 * Files travel by reference, never inside a call (README, "Files"): every input of the contract is
 * walked to every depth and may not carry a file's contents — no field named like file bytes or
 * text (base64, bytes, contents, csvText...), no string long enough to hold a file (more than the
 * longest thing an advocate types, meeting notes of 100,000 characters), and no binary value.
 * An import takes a `fileRef` (src/shared/api/file-ref.ts) and the service process reads the file.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../src/shared/api/contract';

/** Longest text an input may carry: the meeting notes field. A file's contents would need more. */
const MAX_TYPED_TEXT = 100_000;
/** A field name that says it carries a file's contents. */
const CONTENTS_NAME = /(base64|bytes|buffer|blob|contents?|csv|csvText|fileText|rawText|fileData)$/i;
/** String formats that bound a value by themselves (an ISO date, an e-mail address). */
const BOUNDED_FORMATS = new Set(['date', 'email', 'datetime', 'time', 'uuid']);

/** A pattern with no open-ended repetition (`*`, `+`, `{n,}`) bounds the length: an id like /^[0-9a-f]{32}$/. */
function hasBoundedPattern(def: Def): boolean {
  const checks = (def.checks ?? []) as { _zod: { def: { check: string; pattern?: RegExp } } }[];
  return checks.some(
    ({ _zod }) =>
      _zod.def.check === 'string_format' && _zod.def.pattern instanceof RegExp && !/[*+]|\{\d+,\}/.test(_zod.def.pattern.source.replace(/\\./g, '')),
  );
}
/** Inputs that are another method's input, re-validated against that method's schema (files.exportTo), or template values checked by the template. */
const OPAQUE_ALLOWED = new Set(['files.exportTo.input', 'letters.draft.options.fields{}']);

interface Found {
  contentsNames: string[];
  longStrings: string[];
  binaryOrOpaque: string[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function isBoundedString(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'string') return false;
  const { maxLength, format } = schema as unknown as { maxLength: number | null; format: string | null };
  if (maxLength !== null) return maxLength <= MAX_TYPED_TEXT;
  return (format !== null && BOUNDED_FORMATS.has(format)) || hasBoundedPattern(def);
}

function walk(schema: z.ZodType, path: string, found: Found, seen: Set<unknown>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const childPath = `${path}.${key}`;
        if (CONTENTS_NAME.test(key)) found.contentsNames.push(childPath);
        walk(child, childPath, found, seen);
      }
      return;
    case 'string': {
      if (!isBoundedString(schema)) found.longStrings.push(`${path} (max ${(schema as unknown as { maxLength: number | null }).maxLength ?? 'none'})`);
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
      // A value piped into a bounded format (isoDate: trimmed text into z.iso.date()) is bounded by it.
      if (isBoundedString(def.out as z.ZodType)) return;
      walk(def.in as z.ZodType, path, found, seen);
      return;
    case 'record':
      return walk(def.valueType as z.ZodType, `${path}{}`, found, seen);
    case 'tuple':
      (def.items as z.ZodType[]).forEach((item, index) => walk(item, `${path}[${index}]`, found, seen));
      return;
    case 'lazy':
      return walk((def.getter as () => z.ZodType)(), path, found, seen);
    case 'custom':
    case 'file':
    case 'any':
    case 'unknown':
      if (!OPAQUE_ALLOWED.has(path)) found.binaryOrOpaque.push(`${path} (${def.type})`);
      return;
    default:
      return;
  }
}

function scan(methods: Record<string, unknown>): Found {
  const found: Found = { contentsNames: [], longStrings: [], binaryOrOpaque: [] };
  for (const [name, spec] of Object.entries(methods)) walk((spec as { input: z.ZodType }).input, name, found, new Set());
  return found;
}

describe('no method takes a file’s contents', () => {
  const found = scan(contract);

  it('recognises each way a file could ride inside a call (the scan itself)', () => {
    const old = {
      'documents.import': { input: z.strictObject({ file: z.strictObject({ base64: z.string().max(70_000_000) }) }) },
      'agreements.importDeliveries': { input: z.strictObject({ csvText: z.string().max(5_000) }) },
      'calendars.import': { input: z.strictObject({ calendar: z.string() }) },
      'things.upload': { input: z.strictObject({ file: z.instanceof(Uint8Array) }) },
    };
    expect(scan(old)).toEqual({
      contentsNames: ['documents.import.file.base64', 'agreements.importDeliveries.csvText'],
      longStrings: ['documents.import.file.base64 (max 70000000)', 'calendars.import.calendar (max none)'],
      binaryOrOpaque: ['things.upload.file (custom)'],
    });
  });

  it('has no input field named like file contents (base64, bytes, text, csv...)', () => {
    expect(found.contentsNames).toEqual([]);
  });

  it('has no input string long enough to carry a file', () => {
    expect(found.longStrings).toEqual([]);
  });

  it('has no binary or unchecked value in any input (except the two re-validated ones)', () => {
    expect(found.binaryOrOpaque).toEqual([]);
  });
});
