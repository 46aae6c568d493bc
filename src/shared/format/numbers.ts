import { LOCALE } from './locale';

const WHOLE_OR_ONE_DECIMAL = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const ONE_DECIMAL = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MONEY = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const PLURAL = new Intl.PluralRules(LOCALE);
const AND_LIST = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });
const OR_LIST = new Intl.ListFormat(LOCALE, { style: 'long', type: 'disjunction' });

/** '23,270', '12.5': thousands separated, at most one decimal. */
export function formatNumber(value: number): string {
  return WHOLE_OR_ONE_DECIMAL.format(value);
}

/** '87.5%' with exactly one decimal (percentages are rounded half-up in main); '—' for none. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${ONE_DECIMAL.format(value)}%`;
}

/** '$1,250.00'. */
export function formatMoney(value: number): string {
  return MONEY.format(value);
}

/**
 * A count with its noun: '1 open case', '3 open cases', '0 open cases'. The plural form is
 * `${singular}s` unless given.
 */
export function formatCount(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${pluralWord(count, singular, pluralForm)}`;
}

/** Just the noun, in the form the count asks for: pluralWord(1, 'case') → 'case'. */
export function pluralWord(count: number, singular: string, pluralForm = `${singular}s`): string {
  return PLURAL.select(count) === 'one' ? singular : pluralForm;
}

/** 'A', 'A and B', 'A, B, and C' (blank entries dropped); 'or' lists with `type: 'or'`. */
export function formatList(items: readonly string[], type: 'and' | 'or' = 'and'): string {
  const clean = items.map((item) => item.trim()).filter((item) => item !== '');
  return (type === 'and' ? AND_LIST : OR_LIST).format(clean);
}

/** '512 B', '12 KB', '3.4 MB', '1.25 GB' (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 ** 2) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${ONE_DECIMAL.format(bytes / 1024 ** 2)} MB`;
  return `${new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bytes / 1024 ** 3)} GB`;
}
