import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliError, EXIT } from './exit-codes';
import type { CliIo } from './io';

export const PASSPHRASE_ENV = 'ADVOCATE_DESK_PASSPHRASE';

/**
 * Reads a line from the terminal without echoing it: readline puts the TTY in raw mode and
 * writes its echo to a sink that drops everything, so the passphrase never appears on screen.
 */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  const sink = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  const reader = createInterface({ input: io.stdin, output: sink, terminal: true });
  io.stderr.write(question);
  return new Promise<string>((resolve, reject) => {
    let isAnswered = false;
    reader.on('SIGINT', () => {
      reader.close();
    });
    reader.on('close', () => {
      io.stderr.write('\n');
      if (!isAnswered) reject(new CliError('Cancelled: no passphrase entered.', EXIT.FAILURE));
    });
    reader.question('', (answer) => {
      isAnswered = true;
      reader.close();
      resolve(answer);
    });
  });
}

/**
 * The passphrase from ADVOCATE_DESK_PASSPHRASE, or else asked for on the terminal (twice when
 * `confirm`, for a new vault). With neither there is no safe way to get one, so it fails: a
 * passphrase is never taken from the command line, where it would land in shell history.
 */
export async function readPassphrase(io: CliIo, options: { confirm: boolean }): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!io.stdin.isTTY) {
    throw new CliError(`No passphrase: set ${PASSPHRASE_ENV}, or run the command in a terminal to be asked for it.`, EXIT.USAGE);
  }
  const passphrase = await promptHidden(io, 'Passphrase: ');
  if (!passphrase) throw new CliError('Cancelled: no passphrase entered.', EXIT.FAILURE);
  if (options.confirm) {
    const again = await promptHidden(io, 'Repeat the passphrase: ');
    if (again !== passphrase) throw new CliError('The two passphrases do not match. Nothing was created.', EXIT.FAILURE);
  }
  return passphrase;
}
