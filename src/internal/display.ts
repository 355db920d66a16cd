/**
 * Rich display in notebooks (Jupyter kernels such as Deno's, and any front end that follows the
 * same convention): an object with a `[Symbol.for('Jupyter.display')]()` method is shown as the
 * MIME bundle the method returns instead of as its printed properties.
 *
 * Results are made in the lower layers (metrics, segments, loyalty), but what they look like is
 * the report layer's business, and a lower layer may not import a higher one. So the lower layers
 * only mark a result with its kind (`withDisplay`), and the report layer registers one renderer
 * per kind (`registerDisplay`, in src/report/registerDisplays.ts, imported for its side effect by
 * both entries). The symbol is the global `Symbol.for` one: nothing of Deno's is imported.
 */

/** The well-known key a notebook looks for. */
export const DISPLAY: symbol = Symbol.for('Jupyter.display');

/** Which kind of result a value is, to pick its renderer. */
export type DisplayKind = 'metric' | 'comparison' | 'segments' | 'trend' | 'rolling' | 'risk';

/** A MIME bundle: MIME type → content (a string, or a JSON object for JSON types such as Vega-Lite). */
export type MIMEBundle = Readonly<Record<string, unknown>>;

/** Renders one kind of result as a MIME bundle. */
export type DisplayRenderer = (value: never) => MIMEBundle;

const renderers = new Map<DisplayKind, DisplayRenderer>();

/** Sets the renderer of a kind (a later registration replaces an earlier one). */
export function registerDisplay(kind: DisplayKind, render: DisplayRenderer): void {
  renderers.set(kind, render);
}

/**
 * Without the report layer (a deep import of one module) there is still something to show: the
 * kind and the value's top-level numbers and words.
 */
function fallback(kind: DisplayKind, value: object): MIMEBundle {
  const fields: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'number' || typeof field === 'string' || typeof field === 'boolean') fields.push(`${key}: ${JSON.stringify(field)}`);
  }
  return { 'text/plain': `cx-metrics ${kind} result${fields.length > 0 ? ` { ${fields.join(', ')} }` : ''}` };
}

/** The bundle of a value of a kind: its renderer's, or the plain fallback when there is none or it fails (a notebook must still show something). */
export function displayBundle(kind: DisplayKind, value: object): MIMEBundle {
  const render = renderers.get(kind);
  if (render === undefined) return fallback(kind, value);
  try {
    return render(value as never);
  } catch {
    return fallback(kind, value);
  }
}

/** One shared method per kind, so a result carries a reference and not a closure of its own. */
const methods = new Map<DisplayKind, (this: object) => MIMEBundle>();

function methodOf(kind: DisplayKind): (this: object) => MIMEBundle {
  let method = methods.get(kind);
  if (method === undefined) {
    method = function display(this: object): MIMEBundle {
      return displayBundle(kind, this);
    };
    methods.set(kind, method);
  }
  return method;
}

/**
 * Gives a result its notebook display, before it is frozen. The method is a non-enumerable
 * property, so `JSON.stringify`, spreads, `structuredClone`, `Object.keys` and deep equality in
 * tests see the result exactly as before.
 */
export function withDisplay<T extends object>(value: T, kind: DisplayKind): T {
  Object.defineProperty(value, DISPLAY, { value: methodOf(kind), enumerable: false, writable: false, configurable: false });
  return value;
}
