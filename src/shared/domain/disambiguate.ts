/**
 * Telling apart records that share a name (two "Garcia family" families): for each record whose
 * name another record also has, the fewest facts, taken in the order given, that make every
 * record of that name read differently. Pure, so the caseload, the families list and search
 * (and their tests) all use the same rule.
 */

/** A record and the facts that may tell it apart, most telling first; null or '' when unknown. */
export interface NamedRecord {
  id: number;
  name: string;
  facets: readonly (string | null)[];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Names compare without case, accents or extra spaces: "Garcia family" and "García  Family" clash. */
export function nameKey(name: string): string {
  // Plain ASCII has no accents to strip: most names skip the (costly) decomposition.
  const unaccented = PRINTABLE_ASCII.test(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '');
  return unaccented.replace(/\s+/g, ' ').trim().toLowerCase();
}

const subsetsByCount = new Map<number, readonly (readonly number[])[]>();

/** Subsets of 0..count-1, smallest first, then in the facets' order (made once per count: every group of a caseload asks). */
function facetSubsets(count: number): readonly (readonly number[])[] {
  const known = subsetsByCount.get(count);
  if (known) return known;
  const subsets: number[][] = [];
  for (let mask = 1; mask < 1 << count; mask += 1) {
    subsets.push(Array.from({ length: count }, (_, index) => index).filter((index) => mask & (1 << index)));
  }
  subsets.sort((left, right) => left.length - right.length || left.join().localeCompare(right.join()));
  subsetsByCount.set(count, subsets);
  return subsets;
}

function hintOf(record: NamedRecord, subset: readonly number[]): string {
  return subset
    .map((index) => record.facets[index]?.trim() ?? '')
    .filter((value) => value !== '')
    .join(' · ');
}

/**
 * The hint for every record whose name is shared ("Maya · Rosenfield ISD"); records with a name
 * of their own get none. When no combination of facts tells a group apart, each record's hint is
 * its facts and its record number, so two rows never read the same.
 */
export function disambiguators(records: readonly NamedRecord[]): Map<number, string> {
  const groups = new Map<string, NamedRecord[]>();
  for (const record of records) {
    const key = nameKey(record.name);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const hints = new Map<number, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const facetCount = Math.max(...group.map((record) => record.facets.length));
    const subset = facetSubsets(facetCount).find((candidate) => {
      const seen = new Set<string>();
      for (const record of group) {
        const hint = nameKey(hintOf(record, candidate));
        if (hint === '' || seen.has(hint)) return false;
        seen.add(hint);
      }
      return true;
    });
    for (const record of group) {
      if (subset) hints.set(record.id, hintOf(record, subset));
      else {
        const facts = hintOf(
          record,
          Array.from({ length: facetCount }, (_, index) => index),
        );
        hints.set(record.id, facts ? `${facts} · no. ${record.id}` : `no. ${record.id}`);
      }
    }
  }
  return hints;
}

/**
 * The town of a mailing address written "street, town, ST 12345" (or "street, town"): the part
 * before the state and zip. Null when the address has no such part.
 */
export function townOf(address: string | null): string | null {
  if (!address) return null;
  const parts = address
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > 1 && /^[A-Za-z]{2}\s*\d{5}(-\d{4})?$|^\d{5}(-\d{4})?$|^[A-Za-z]{2}$/.test(parts.at(-1)!)) parts.pop();
  return parts.length > 1 ? parts.at(-1)! : null;
}
