import { nameKey } from '@shared/domain/disambiguate';

/**
 * Who evaluates, as the request card shows it: the linked contact's name and the name typed on the
 * request, once each. The same person entered both ways ("Denise Ng" and "denise  ng") reads once.
 */
export function evaluatorLabel(contactName: string | null | undefined, typedName: string | null | undefined): string {
  const names: string[] = [];
  for (const name of [contactName, typedName]) {
    const trimmed = name?.trim();
    if (trimmed && !names.some((known) => nameKey(known) === nameKey(trimmed))) names.push(trimmed);
  }
  return names.join(' · ');
}
