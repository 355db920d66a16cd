import type { VegaLiteSpec } from './VegaLiteSpec.js';
import { INK, MUTED } from './palette.js';
import { FONT_FAMILY } from './svg.js';

/**
 * The Vega-Lite schema the specs name. Every spec is validated in the tests against the schema
 * shipped with the `vega-lite` devDependency, which is Vega-Lite 6; the specs use only constructs
 * that Vega-Lite 5 has too (no `invalid: 'break-paths-*'` modes, no v6-only parameters), so the
 * v5 URL and the `application/vnd.vegalite.v5+json` MIME type tell the truth.
 */
export const VEGA_LITE_SCHEMA: VegaLiteSpec['$schema'] = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The look every spec shares: system fonts, no frame around the view, the report's ink colours. */
const CONFIG = Object.freeze({
  font: FONT_FAMILY,
  background: '#FFFFFF',
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 15, color: INK, subtitleColor: MUTED, subtitleFontSize: 12 },
  axis: { labelColor: MUTED, titleColor: MUTED, gridColor: '#E5E9EE', domainColor: MUTED, tickColor: MUTED },
  legend: { labelColor: INK, titleColor: MUTED },
});

/** A spec with the schema, description and shared config. */
export function vegaLiteSpec(description: string, spec: Readonly<Record<string, unknown>> & Pick<VegaLiteSpec, 'title'>): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, description, ...spec, config: CONFIG };
}

/** The spec of a chart with nothing to draw: its title and the words "no answers", never an empty plot or NaN. */
export function emptyVegaLite(title: string, description: string, message = 'no answers'): VegaLiteSpec {
  return vegaLiteSpec(description, {
    title,
    width: 560,
    height: 60,
    data: { values: [{ message }] },
    mark: { type: 'text', fontSize: 14, color: MUTED },
    encoding: { text: { field: 'message', type: 'nominal' } },
  });
}
