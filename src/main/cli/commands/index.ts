import { auditVerifyCommand } from './audit-verify';
import { binderCommand } from './binder';
import type { CliCommand } from './command';
import { demoCommand } from './demo';
import { importCommand } from './import-family';
import { reportCommand } from './report';
import { verifyCommand } from './verify';

/** Every command the CLI knows, in the order `help` lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [demoCommand, verifyCommand, reportCommand, auditVerifyCommand, importCommand, binderCommand];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
