import { CliError, EXIT } from '../exit-codes';
import type { OptionValues } from './command';

export function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`Missing --${name}.`, EXIT.USAGE);
  return value;
}

/** A whole number option in [min, max], or the default when absent. */
export function integerOption(values: OptionValues, name: string, fallback: number, min: number, max: number): number {
  const value = values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) throw new CliError(`--${name} must be a whole number.`, EXIT.USAGE);
  const number = Number(value);
  if (number < min || number > max) throw new CliError(`--${name} must be between ${min} and ${max}.`, EXIT.USAGE);
  return number;
}
