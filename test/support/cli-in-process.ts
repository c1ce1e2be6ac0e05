import { main } from '../../src/cli/main.js';

/** Runs `diboli ARGS` in this process (its own connection to the data folder), standard input given. */
export async function diboli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => input });
  return { code, stdout, stderr };
}
