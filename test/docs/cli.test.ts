import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';

// docs/cli.md shows real command lines with their real output on the sample data: every
// ```console block is `$ cx-metrics …` lines, each followed by what it prints (standard output,
// then standard error) and, when it is not 0, `[exit N]`. This test runs each one and compares, so
// the page cannot drift. `UPDATE_DOCS=1 npx vitest run test/docs/cli.test.ts` rewrites the outputs
// after a deliberate change (read the diff before committing it).
const path = new URL('../../docs/cli.md', import.meta.url);
const page = readFileSync(path, 'utf8');

interface Example {
  readonly command: string;
  readonly expected: string;
}

/** Splits a command line into arguments: spaces separate, single or double quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

const blocks = [...page.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const examples: Example[] = blocks.flatMap((block) => {
  const found: Example[] = [];
  for (const part of block.split(/^(?=\$ )/m)) {
    const [first = '', ...rest] = part.split('\n');
    if (!first.startsWith('$ cx-metrics ')) continue;
    found.push({ command: first.slice(2), expected: rest.join('\n') });
  }
  return found;
});

async function output(command: string): Promise<string> {
  const { code, stdout, stderr } = await cli(words(command).slice(1));
  return `${stdout}${stderr}${code === 0 ? '' : `[exit ${code}]\n`}`;
}

describe('docs/cli.md shows what the command prints', () => {
  test('the page has examples of every command', () => {
    for (const command of ['report', 'validate', 'risk']) expect(examples.some((example) => example.command.startsWith(`cx-metrics ${command}`))).toBe(true);
  });

  if (process.env['UPDATE_DOCS'] === '1') {
    test('rewrite the outputs', async () => {
      let text = page;
      for (const block of blocks) {
        let rewritten = '';
        for (const part of block.split(/^(?=\$ )/m)) {
          const first = part.split('\n')[0] ?? '';
          rewritten += first.startsWith('$ cx-metrics ') ? `${first}\n${await output(first.slice(2))}` : part;
        }
        text = text.replace(block, rewritten);
      }
      writeFileSync(path, text);
    });
    return;
  }

  test.each(examples.map((example) => [example.command, example.expected]))('%s', async (command, expected) => {
    expect(await output(command)).toBe(expected);
  });
});
