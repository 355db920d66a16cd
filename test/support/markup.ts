import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS package types as its module object.
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Checks that a string is well-formed XML as far as an SVG chart needs (no parser ships with
 * Node): tags nest and close, attribute values are quoted and hold no raw `<` or quote, text
 * holds no raw `<`, every `&` starts an entity, and no character XML 1.0 forbids appears.
 * Returns the problems found (none for a well-formed document).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('a character XML 1.0 forbids');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray !== undefined) {
      problems.push(`a raw "<" or a malformed tag at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
      continue;
    }
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(text)) problems.push(`a raw "&" in text: ${text.slice(0, 40)}`);
      continue;
    }
    if (name === undefined) continue;
    const attributes = match[3] ?? '';
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(attributes)) problems.push(`a raw "&" in the attributes of <${name}>`);
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (selfClosing !== '/') stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

/** The Vega-Lite JSON schema shipped with the vega-lite devDependency (Vega-Lite 6, draft-07), compiled once per test file. */
let validator: ValidateFunction | undefined;

/**
 * Compiles the schema (a few seconds: it is large). Call it in `beforeAll` with a long timeout, so
 * that the first test does not pay for it under the 5 s default.
 */
export function compileVegaLiteSchema(): void {
  if (validator !== undefined) return;
  // The shipped schema is Vega-Lite 6; our specs name v5 and use only constructs both versions have.
  // Unoptimized code compiles in about half the time, and the specs are small.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, code: { optimize: false } });
  ajv.addFormat('color-hex', /^#(?:[\da-fA-F]{3}|[\da-fA-F]{6}|[\da-fA-F]{8})$/);
  ajv.addFormat('uri', true);
  ajv.addFormat('uri-reference', true);
  validator = ajv.compile(JSON.parse(readFileSync(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url), 'utf8')) as object);
}

/** Validates a spec against the shipped Vega-Lite schema; returns the errors (none when valid). */
export function vegaLiteErrors(spec: unknown): string[] {
  compileVegaLiteSchema();
  const validate = validator as ValidateFunction;
  return validate(spec) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
