// Runs the code cells of a Deno notebook (examples/notebook.ipynb) under Deno without Jupyter, so
// CI knows that the notebook a new user opens still runs, against the packed package.
//
// - Cells of a Deno notebook share one top-level scope, so their code in order is one module
//   (joined with `;` so that one cell's last line never runs on into the next cell's first).
// - Jupyter displays a cell's final bare expression. Here that expression is checked instead: an
//   object must have a `[Symbol.for('Jupyter.display')]()` method whose MIME bundle has a
//   `text/plain` and a `text/html` string (and a chart's `image/svg+xml` and Vega-Lite entries, when
//   present, must be an SVG string and a JSON object); every shown value is printed. "cell N" in
//   messages is the notebook's N-th cell, markdown cells counted.
// - `npm:cx-metrics` imports (as a user writes them) become bare `cx-metrics`, which Deno resolves
//   from the node_modules beside the work folder's package.json: smoke.mjs installs the tarball there.
// - The sample data is copied where the notebook looks for it: `data/` beside the module, which is
//   also Deno's working directory, as the kernel's is the notebook's folder under Jupyter.
// - The module is type-checked (`deno check`), then run with `deno run --allow-read --allow-env`.
//
// Used by scripts/smoke.mjs (which makes and removes .smoke/); by hand, against any folder with a
// package.json where the packed tarball is installed (`npm pack`, then `npm install <tarball>` there):
//   node scripts/run-notebook.mjs <folder> [examples/notebook.ipynb]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const DISPLAY_TYPES = ['text/plain', 'text/html'];

/** Fails with the notebook's name first, as every message of this script does. */
function fail(file, message) {
  throw new Error(`run-notebook: ${file}: ${message}`);
}

/**
 * Checks what a committed notebook must be: nbformat 4 JSON with a Deno kernel, every cell with
 * its type, metadata and source lines, and code cells cleared (no outputs, no execution count), so
 * that a diff shows code and prose, never a stale run.
 */
export function checkNotebook(notebook, file = 'notebook') {
  if (notebook?.nbformat !== 4) fail(file, `expected nbformat 4, got ${JSON.stringify(notebook?.nbformat)}`);
  const kernel = notebook.metadata?.kernelspec;
  if (kernel?.name !== 'deno' || kernel?.language !== 'typescript') fail(file, `expected the kernelspec { name: "deno", language: "typescript" }, got ${JSON.stringify(kernel)}`);
  if (!Array.isArray(notebook.cells) || notebook.cells.length === 0) fail(file, 'expected a non-empty list of cells');
  notebook.cells.forEach((cell, index) => {
    const where = `cell ${index + 1}`;
    if (cell.cell_type !== 'code' && cell.cell_type !== 'markdown') fail(file, `${where}: expected cell_type "code" or "markdown", got ${JSON.stringify(cell.cell_type)}`);
    if (cell.metadata === null || typeof cell.metadata !== 'object') fail(file, `${where}: expected a metadata object`);
    if (!Array.isArray(cell.source) || !cell.source.every((line) => typeof line === 'string')) fail(file, `${where}: expected source as a list of lines`);
    if (cell.cell_type === 'code') {
      if (!Array.isArray(cell.outputs) || cell.outputs.length > 0) fail(file, `${where}: expected outputs: [] (clear the outputs before committing)`);
      if (cell.execution_count !== null) fail(file, `${where}: expected execution_count: null (clear the outputs before committing)`);
    } else if ('outputs' in cell || 'execution_count' in cell) {
      fail(file, `${where}: a markdown cell has no outputs or execution_count`);
    }
  });
}

/** A bare specifier for `npm:cx-metrics`, `npm:cx-metrics@0.1/report`…; other specifiers unchanged. */
function bareSpecifier(specifier) {
  const match = /^npm:cx-metrics(?:@[^/]*)?(\/.*)?$/.exec(specifier);
  return match === null ? specifier : `cx-metrics${match[1] ?? ''}`;
}

/** The helper that stands in for Jupyter's display of a cell's final bare expression. */
const PRELUDE = `let __displayed = 0;
async function __display<T>(cell: number, value: T): Promise<T> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    console.log(value === undefined ? \`[cell \${cell}] nothing to display\` : \`[cell \${cell}] \${value === null ? 'null' : typeof value}: \${String(value).slice(0, 100)}\`);
    return value;
  }
  const method = (value as Record<symbol, unknown>)[Symbol.for('Jupyter.display')];
  const kind = Array.isArray(value) ? 'an array' : \`an object with \${Object.keys(value).slice(0, 6).join(', ')}\`;
  if (typeof method !== 'function') throw new Error(\`cell \${cell}: the value shown (\${kind}) has no [Symbol.for('Jupyter.display')]() method, so Jupyter would print its properties\`);
  const bundle: unknown = await method.call(value);
  if (bundle === null || typeof bundle !== 'object') throw new Error(\`cell \${cell}: [Symbol.for('Jupyter.display')]() returned \${String(bundle)}, not a MIME bundle\`);
  const entries = bundle as Record<string, unknown>;
  const missing = ${JSON.stringify(DISPLAY_TYPES)}.filter((type) => typeof entries[type] !== 'string' || (entries[type] as string).length === 0);
  if (missing.length > 0) {
    const plain = typeof entries['text/plain'] === 'string' ? \`; its text/plain: \${(entries['text/plain'] as string).slice(0, 100)}\` : '';
    throw new Error(\`cell \${cell}: the display bundle has no \${missing.join(' and no ')} string (it has \${Object.keys(entries).join(', ') || 'nothing'}\${plain})\`);
  }
  const svg = entries['image/svg+xml'];
  if (svg !== undefined && (typeof svg !== 'string' || !svg.includes('<svg'))) throw new Error(\`cell \${cell}: image/svg+xml is not an SVG document\`);
  for (const [type, content] of Object.entries(entries)) {
    if (type.endsWith('+json') && (content === null || typeof content !== 'object')) throw new Error(\`cell \${cell}: \${type} must be a JSON object (Jupyter sends it as JSON), got \${typeof content}\`);
  }
  const firstLine = (entries['text/plain'] as string).split('\\n')[0];
  console.log(\`[cell \${cell}] display \${Object.keys(entries).join(', ')}: \${firstLine}\`);
  __displayed++;
  return value;
}
`;

/**
 * The notebook's code cells as one TypeScript module: imports of `npm:cx-metrics` made bare, each
 * cell's final bare expression wrapped in the display check, and a last line that says how many
 * cells ran and how many displays were checked.
 */
export function notebookModule(notebook, file = 'notebook') {
  const parts = [`// Generated by scripts/run-notebook.mjs from ${file}: its code cells in order. Do not edit.`, PRELUDE];
  let codeCells = 0;
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    codeCells++;
    const number = index + 1;
    const text = cell.source.join('');
    const source = ts.createSourceFile(`cell${number}.ts`, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const syntax = source.parseDiagnostics ?? [];
    if (syntax.length > 0) {
      const { line } = source.getLineAndCharacterOfPosition(syntax[0].start ?? 0);
      fail(file, `cell ${number}, line ${line + 1}: ${ts.flattenDiagnosticMessageText(syntax[0].messageText, ' ')}`);
    }
    const edits = [];
    const visit = (node) => {
      const specifier =
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined
          ? node.moduleSpecifier
          : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
            ? node.arguments[0]
            : undefined;
      if (specifier !== undefined && ts.isStringLiteralLike(specifier) && bareSpecifier(specifier.text) !== specifier.text) {
        edits.push({ start: specifier.getStart(source), end: specifier.end, text: JSON.stringify(bareSpecifier(specifier.text)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    const last = source.statements.at(-1);
    if (last !== undefined && ts.isExpressionStatement(last)) {
      const expression = last.expression;
      // The `;` ends the statement before, which may have relied on this line not starting with `(`.
      edits.push({ start: expression.getStart(source), end: expression.end, text: `;(await __display(${number}, (${text.slice(expression.getStart(source), expression.end)})))` });
    }
    let code = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
    parts.push(`// --- cell ${number} ---\n${code}\n;`);
  });
  if (codeCells === 0) fail(file, 'no code cells');
  parts.push(`console.log(\`notebook: ${codeCells} code cells ran, \${__displayed} displays checked\`);\n`);
  return { code: parts.join('\n'), codeCells };
}

/**
 * Writes the notebook's module and the sample data into `<work>/examples/` and runs it there with
 * Deno. `work` must have a package.json with the package in its node_modules. Returns Deno's
 * output; throws with it when the notebook is malformed, does not type-check, or fails.
 */
export function runNotebook({ work, notebook: notebookPath = join(root, 'examples', 'notebook.ipynb'), data = join(root, 'examples', 'data'), deno = join(root, 'node_modules', '.bin', 'deno') }) {
  const file = relative(root, notebookPath) || basename(notebookPath);
  if (!existsSync(join(work, 'node_modules', 'cx-metrics', 'package.json'))) fail(file, `no cx-metrics in ${join(work, 'node_modules')}: install the packed package there first (npm run smoke does)`);
  const notebook = JSON.parse(readFileSync(notebookPath, 'utf8'));
  checkNotebook(notebook, file);
  const { code } = notebookModule(notebook, file);
  const folder = join(work, 'examples');
  mkdirSync(folder, { recursive: true });
  cpSync(data, join(folder, 'data'), { recursive: true });
  // The cells import node: modules, whose types Deno reads from @types/node when a node_modules
  // folder is in use: the repository has them (a devDependency), the bare smoke project does not.
  for (const types of ['@types/node', 'undici-types']) {
    if (!existsSync(join(work, 'node_modules', types)) && existsSync(join(root, 'node_modules', types))) cpSync(join(root, 'node_modules', types), join(work, 'node_modules', types), { recursive: true });
  }
  const module = `${basename(notebookPath, '.ipynb')}.ts`;
  writeFileSync(join(folder, module), code);
  const options = { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } };
  try {
    execFileSync(deno, ['check', '--quiet', module], options);
    return execFileSync(deno, ['run', '--quiet', '--allow-read', '--allow-env', module], options);
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`run-notebook: ${file} (as ${relative(root, join(folder, module))}) failed\n${output || error.message}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [work, notebook] = process.argv.slice(2);
  if (work === undefined) {
    console.error('usage: node scripts/run-notebook.mjs <folder with a package.json and cx-metrics installed from its tarball> [notebook.ipynb]');
    process.exit(2);
  }
  try {
    process.stdout.write(runNotebook({ work: resolve(work), ...(notebook === undefined ? {} : { notebook: resolve(notebook) }) }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
