// Where the CLI writes: the real process streams, or captured buffers in tests.

export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
