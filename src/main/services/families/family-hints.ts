/**
 * Hints that tell same-name families apart wherever a family's name is shown (caseload, families
 * list, search, the command palette): "Garcia family · Maya" beside "Garcia family · Leo".
 * Only families whose name another family shares get one; the choice of facts is the shared rule
 * (src/shared/domain/disambiguate.ts).
 */
import { disambiguators, nameKey, townOf } from '@shared/domain/disambiguate';
import type { VaultDb } from '../../db/connection';
import { keptUntilWrite } from '../../db/write-version';

interface FamilyFacts {
  id: number;
  name: string;
  address: string | null;
  children: string | null;
  guardians: string | null;
  districts: string | null;
  birthYears: string | null;
}

/**
 * Kept per connection until the next write: the caseload and every search keystroke ask again, and
 * at 2,000 families the answer takes tens of milliseconds.
 */
const cached = keptUntilWrite<ReadonlyMap<number, string>>();

/** The hint of every family whose name is shared, by family id (see computeFamilyHints). */
export function familyHints(db: VaultDb): ReadonlyMap<number, string> {
  return cached.get(db, 'hints', () => computeFamilyHints(db));
}

/**
 * The hint of every family whose name is shared, by family id. The facts, most telling first:
 * the children's first names, the guardians' first names, the children's districts, the town of
 * the family's address, the children's birth years.
 */
function computeFamilyHints(db: VaultDb): Map<number, string> {
  const names = db.sqlite.prepare('SELECT id, name FROM families').all() as { id: number; name: string }[];
  const keys = names.map(({ name }) => nameKey(name));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const clashing = names.filter((_, index) => (counts.get(keys[index]!) ?? 0) > 1).map(({ id }) => id);
  if (clashing.length === 0) return new Map();
  const rows = db.sqlite
    .prepare(
      `SELECT f.id, f.name, f.address,
              (SELECT group_concat(first_name, ' & ') FROM (SELECT s.first_name FROM students s WHERE s.family_id = f.id ORDER BY s.first_name, s.id)) AS children,
              (SELECT group_concat(first, ' & ') FROM (SELECT CASE WHEN instr(trim(g.name), ' ') > 0 THEN substr(trim(g.name), 1, instr(trim(g.name), ' ') - 1) ELSE trim(g.name) END AS first
                  FROM guardians g WHERE g.family_id = f.id ORDER BY g.is_primary DESC, g.id)) AS guardians,
              (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT d.name FROM students s JOIN districts d ON d.id = s.district_id WHERE s.family_id = f.id ORDER BY d.name)) AS districts,
              (SELECT group_concat(year, ', ') FROM (SELECT DISTINCT substr(s.date_of_birth, 1, 4) AS year FROM students s WHERE s.family_id = f.id AND s.date_of_birth IS NOT NULL ORDER BY year)) AS birthYears
         FROM families f WHERE f.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(clashing)) as FamilyFacts[];
  return disambiguators(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      facets: [row.children, row.guardians, row.districts, townOf(row.address), row.birthYears ? `born ${row.birthYears}` : null],
    })),
  );
}
