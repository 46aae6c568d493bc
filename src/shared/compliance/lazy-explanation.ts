/**
 * Explanations are sentences built on first read: the caseload-wide lists read only a few of the
 * thousands of results they compute. The `explanation` property stays an own, enumerable one, so
 * it is in a JSON or structured copy (what the renderer and the stored summaries receive) and in
 * a spread copy exactly as a plain value would be.
 *
 * One getter and one setter serve every result, and each result keeps what its sentence needs in
 * a hidden (non-enumerable, symbol-keyed) slot. A getter written in an object literal instead
 * gives every object its own pair of functions and a slow shape of its own; over 3,000 terms
 * that cost more memory (and garbage collection) than the figures themselves.
 */
const SLOT = Symbol('explanation');

interface Slot {
  build: (() => string) | null;
  text: string | null;
}

interface Holder {
  [SLOT]: Slot;
}

function slotOf(holder: unknown): Slot {
  return (holder as Holder)[SLOT];
}

const EXPLANATION: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: unknown): string {
    const slot = slotOf(this);
    if (slot.text === null) {
      slot.text = slot.build!();
      slot.build = null;
    }
    return slot.text;
  },
  set(this: unknown, value: string) {
    const slot = slotOf(this);
    slot.text = value;
    slot.build = null;
  },
};

/** Adds `explanation` to `target` (as its last property), built by `build` when first read. */
export function withLazyExplanation<T extends object>(target: T, build: () => string): T & { explanation: string } {
  Object.defineProperty(target, SLOT, { value: { build, text: null } satisfies Slot });
  Object.defineProperty(target, 'explanation', EXPLANATION);
  return target as T & { explanation: string };
}
