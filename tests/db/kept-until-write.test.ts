import { afterEach, describe, expect, it } from 'vitest';
import { openKeyed } from '../../src/main/db/connection';
import { keptUntilWrite } from '../../src/main/db/write-version';
import { unlockedVault } from '../support/temp-vault';

let temp: Awaited<ReturnType<typeof unlockedVault>> | undefined;
afterEach(() => temp?.cleanup());

/** A counter of computations, and a kept answer that says which computation it came from. */
function counted() {
  let computed = 0;
  const kept = keptUntilWrite<number>();
  return { kept, compute: () => ++computed };
}

describe('an answer kept until the next write', () => {
  it('is computed again after a write of its own connection, of another, or for another key', async () => {
    temp = await unlockedVault();
    const db = temp.ctx.db;
    const { kept, compute } = counted();
    expect(kept.get(db, '2026-11-23', compute)).toBe(1);
    expect(kept.get(db, '2026-11-23', compute)).toBe(1);
    expect(kept.peek(db, '2026-11-24')).toBeUndefined();
    db.sqlite.prepare("INSERT INTO families (name) VALUES ('Own write')").run();
    expect(kept.get(db, '2026-11-23', compute)).toBe(2);
    const other = openKeyed(temp.path, temp.vault.dataKey(), { create: false });
    other.prepare("INSERT INTO families (name) VALUES ('The CLI')").run();
    other.close();
    expect(kept.get(db, '2026-11-23', compute)).toBe(3);
    expect(kept.get(db, '2026-11-24', compute)).toBe(4);
  });

  it('is not kept when another connection committed while it was computed, or inside a transaction', async () => {
    temp = await unlockedVault();
    const db = temp.ctx.db;
    const { kept, compute } = counted();
    const other = openKeyed(temp.path, temp.vault.dataKey(), { create: false });
    // Its reads may have seen part of the world before that commit and part after.
    const straddling = () => {
      const value = compute();
      other.prepare("INSERT INTO families (name) VALUES ('Meanwhile')").run();
      return value;
    };
    expect(kept.get(db, 'day', straddling)).toBe(1);
    expect(kept.peek(db, 'day')).toBeUndefined();
    expect(kept.get(db, 'day', compute)).toBe(2);
    expect(kept.get(db, 'day', compute)).toBe(2);
    other.close();
    db.sqlite.prepare("INSERT INTO families (name) VALUES ('A change')").run();
    // Computed inside a transaction that is then rolled back: never kept.
    const inside = db.sqlite.transaction(() => {
      const value = kept.get(db, 'day', compute);
      throw Object.assign(new Error('rolled back'), { value });
    });
    expect(() => inside()).toThrow('rolled back');
    expect(kept.peek(db, 'day')).toBeUndefined();
    expect(kept.get(db, 'day', compute)).toBe(4);
  });
});
