/** What a command may touch of the outside world; tests and the real process supply their own. */
export interface CliIo {
  /** Results for the user (stdout). */
  out: (line: string) => void;
  /** Problems and prompts (stderr), so stdout stays clean for scripts. */
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  now: () => Date;
}

export function processIo(): CliIo {
  // `cli verify | head`: once the reader is gone, stop quietly instead of printing EPIPE's stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    stdin: process.stdin,
    stderr: process.stderr,
    now: () => new Date(),
  };
}
