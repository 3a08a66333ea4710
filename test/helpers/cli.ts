// Runs the CLI in-process with captured output.
import { runCli } from '../../src/cli/program.ts';

export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s), isTTY: false }, env: {} };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
