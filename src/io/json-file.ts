// A JSON file a user gave (settings, a pipeline): parsed, or an input error naming the file.
import { readFileSync } from 'node:fs';
import { InputError } from './input-error.ts';

export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON: ${(e as Error).message}`}`);
  }
}
