// The error for a bad input file (exit 2): its message names the file and the column or line at fault.

/** Bad input: the message names the file and the column or line at fault. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
