import type { ParseArgsConfig } from 'node:util';
import type { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * One CLI command. Adding a command is one file in this folder that exports a CliCommand, plus
 * one line in the table in ./index.ts; parsing, usage text and error reporting come for free.
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The argument synopsis after the command name, e.g. '--db PATH [--families N]'. */
  synopsis: string;
  /** Option lines for `help <command>`, e.g. ['--db PATH   the vault file']. */
  details: readonly string[];
  options: OptionSpecs;
  run: (values: OptionValues, io: CliIo) => Promise<ExitCode>;
}
