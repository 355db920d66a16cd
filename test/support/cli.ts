import { run } from '../../src/cli/run.js';

/** What one run of the command printed, and its exit code. */
export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cx-metrics <args>` in this process, with standard input from `stdin` and a terminal or not. */
export async function cli(args: readonly string[], options: { readonly stdin?: string; readonly tty?: boolean; readonly env?: Record<string, string> } = {}): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin;
  const code = await run(args, {
    stdout: { isTTY: options.tty ?? false, write: (text: string) => (stdout += text) },
    stderr: { isTTY: false, write: (text: string) => (stderr += text) },
    stdin: (async function* () {
      if (input !== undefined) yield new TextEncoder().encode(input);
    })(),
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
