// Errors the CLI maps to exit codes: bad options exit 2, runtime failures exit 1.

/** A bad command-line option; the message names the flag. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit code for an error: 2 for a bad option or bad input file (UsageError, OptionError, InputError, TableError), 130 when interrupted, else 1. */
export function exitCodeOf(e: unknown): number {
  const name = (e as Error | null)?.name;
  if (name === 'UsageError' || name === 'OptionError' || name === 'InputError' || name === 'TableError') return 2;
  return name === 'Interrupted' ? 130 : 1;
}

/** The line printed for an error; the stack only when REIDENT_DEBUG=1. */
export function errorText(e: unknown, env: NodeJS.ProcessEnv): string {
  const message = e instanceof Error ? e.message : String(e);
  const debug = env.REIDENT_DEBUG === '1' && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  return `reident: ${message}${debug}\n`;
}
