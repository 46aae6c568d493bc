import { parseArgs } from 'node:util';
import { COMMANDS, findCommand } from './commands';
import type { CliCommand } from './commands/command';
import { CliError, EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { PASSPHRASE_ENV } from './passphrase';

const PROGRAM = 'npm run cli --';

export function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length), 'help'.length);
  return [
    'Advocate Desk command line',
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  Show this text, or the options of one command: help <command>`,
    '',
    `The passphrase is read from ${PASSPHRASE_ENV}, or asked for on the terminal without echo.`,
    'Exit codes: 0 ok, 1 failed, 2 cannot unlock (wrong passphrase, no vault), 3 vault damaged, 64 usage error.',
  ].join('\n');
}

function commandUsage(command: CliCommand): string {
  return [`Usage: ${PROGRAM} ${command.name} ${command.synopsis}`, '', command.summary, '', ...command.details.map((line) => `  ${line}`)].join('\n');
}

function help(args: readonly string[], io: CliIo): ExitCode {
  const topic = args[0];
  if (topic === undefined) {
    io.out(usage());
    return EXIT.OK;
  }
  const command = findCommand(topic);
  if (!command) {
    io.err(`Unknown command: ${topic}\n\n${usage()}`);
    return EXIT.USAGE;
  }
  io.out(commandUsage(command));
  return EXIT.OK;
}

/**
 * Runs one CLI invocation and returns its exit code. Failures become one line on stderr; an
 * unexpected error prints its message only, never a stack trace that could carry data.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(rest, io);
  const command = findCommand(name);
  if (!command) {
    io.err(`Unknown command: ${name}\n\n${usage()}`);
    return EXIT.USAGE;
  }
  try {
    let values;
    try {
      ({ values } = parseArgs({ args: [...rest], options: command.options, strict: true, allowPositionals: false }));
    } catch (error) {
      throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${commandUsage(command)}`, EXIT.USAGE);
    }
    return await command.run(values as Record<string, string | boolean | undefined>, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.FAILURE;
  }
}
