import { describe, expect, test } from 'vitest';
import { computeNPS, CxMetricsError, defineScale, ingest, isSameScale, mergeTallies, scales, tallyAnswers, tallyCounts } from 'cx-metrics';

const range = (scale: { bands: readonly { name: string; min: number; max: number }[] }, name: string): [number, number] => {
  const band = scale.bands.find((candidate) => candidate.name === name);
  return [band?.min ?? NaN, band?.max ?? NaN];
};

describe('scale presets follow the table in METHODS.md', () => {
  test('NPS: 0–10, detractor 0–6, passive 7–8, promoter 9–10', () => {
    expect([scales.nps.min, scales.nps.max, scales.nps.polarity]).toEqual([0, 10, 'higher-is-better']);
    expect([range(scales.nps, 'detractor'), range(scales.nps, 'passive'), range(scales.nps, 'promoter')]).toEqual([[0, 6], [7, 8], [9, 10]]);
  });

  test.each([
    ['csat3', 1, 3, [3, 3]],
    ['csat5', 1, 5, [4, 5]],
    ['csat7', 1, 7, [6, 7]],
    ['csat10', 1, 10, [8, 10]],
  ] as const)('%s: %d–%d, satisfied %j', (id, min, max, satisfied) => {
    const scale = scales[id];
    expect([scale.min, scale.max, scale.polarity]).toEqual([min, max, 'higher-is-better']);
    expect(range(scale, 'satisfied')).toEqual(satisfied);
  });

  test('CES 2.0 (ces7) and agreement ces5 are higher-is-better; CES 1.0 and 1–10 effort are lower-is-better', () => {
    expect([scales.ces7.polarity, range(scales.ces7, 'easy'), range(scales.ces7, 'neutral'), range(scales.ces7, 'difficult')]).toEqual(['higher-is-better', [5, 7], [4, 4], [1, 3]]);
    expect([scales.ces5.polarity, range(scales.ces5, 'easy'), range(scales.ces5, 'difficult')]).toEqual(['higher-is-better', [4, 5], [1, 2]]);
    expect([scales.ces5Effort.polarity, range(scales.ces5Effort, 'easy'), range(scales.ces5Effort, 'difficult')]).toEqual(['lower-is-better', [1, 2], [4, 5]]);
    expect([scales.ces10Effort.polarity, range(scales.ces10Effort, 'easy'), range(scales.ces10Effort, 'difficult')]).toEqual(['lower-is-better', [1, 3], [8, 10]]);
  });

  test('every preset is deeply frozen', () => {
    expect(Object.isFrozen(scales)).toBe(true);
    for (const scale of Object.values(scales)) {
      expect(Object.isFrozen(scale) && Object.isFrozen(scale.bands) && Object.isFrozen(scale.labels)).toBe(true);
      for (const band of scale.bands) expect(Object.isFrozen(band)).toBe(true);
    }
  });

  test('CES 1.0 and CES 2.0 are never the same scale; a preset read back from JSON is', () => {
    expect(isSameScale(scales.ces5, scales.ces5Effort)).toBe(false);
    expect(isSameScale(scales.ces7, scales.ces5)).toBe(false);
    expect(isSameScale(scales.csat5, defineScale(JSON.parse(JSON.stringify(scales.csat5))))).toBe(true);
  });
});

describe('defineScale', () => {
  const base = {
    id: 'custom',
    min: 1,
    max: 4,
    polarity: 'higher-is-better',
    bands: [
      { name: 'bad', min: 1, max: 2, sentiment: 'negative' },
      { name: 'good', min: 3, max: 4, sentiment: 'positive' },
    ],
  } as const;

  test('keeps literal types and sorts bands from the bottom', () => {
    const scale = defineScale({ ...base, bands: [base.bands[1], base.bands[0]] });
    expect(scale.bands.map((band) => band.name)).toEqual(['bad', 'good']);
    expect(scale.name).toBe('custom');
  });

  const broken = (patch: object): unknown => {
    try {
      defineScale({ ...base, ...patch } as never);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  test.each([
    ['a range with min ≥ max', { min: 4, max: 4 }, 'max'],
    ['a non-integer bound', { min: 0.5 }, 'min'],
    ['overlapping bands', { bands: [{ name: 'a', min: 1, max: 3, sentiment: 'negative' }, { name: 'b', min: 3, max: 4, sentiment: 'positive' }] }, 'bands'],
    ['a gap between bands (6.5 falling in no band, a defect of several platforms)', { bands: [{ name: 'a', min: 1, max: 1, sentiment: 'negative' }, { name: 'b', min: 3, max: 4, sentiment: 'positive' }] }, 'bands'],
    ['a positive band below a negative one on a higher-is-better scale', { bands: [{ name: 'a', min: 1, max: 2, sentiment: 'positive' }, { name: 'b', min: 3, max: 4, sentiment: 'negative' }] }, 'bands'],
    ['an unknown polarity', { polarity: 'up' }, 'polarity'],
    ['an unknown sentiment', { bands: [{ name: 'a', min: 1, max: 4, sentiment: 'happy' }] }, 'bands'],
    ['duplicate band names', { bands: [{ name: 'a', min: 1, max: 2, sentiment: 'negative' }, { name: 'a', min: 3, max: 4, sentiment: 'positive' }] }, 'bands'],
    ['a label on a point off the scale', { labels: { 9: 'Nine' } }, 'labels'],
    ['two labels equal but for case and spaces', { labels: { 1: 'Very  easy', 2: 'very easy' } }, 'labels'],
    ['an empty id', { id: ' ' }, 'id'],
  ])('refuses %s (invalid_scale, path %s)', (_name, patch, path) => {
    const error = broken(patch);
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe('invalid_scale');
    expect((error as CxMetricsError).issues[0]?.path[0]).toBe(path);
    expect((error as CxMetricsError).message).toMatch(/^defineScale: /);
  });

  test('reports every broken rule at once', () => {
    const error = broken({ id: '', polarity: 'sideways', labels: { 0: 'zero' } }) as CxMetricsError;
    expect(error.issues.map((issue) => issue.path[0])).toEqual(['id', 'polarity', 'labels']);
  });
});

describe('every scale is checked, wherever it comes from', () => {
  const overlapping = {
    id: 'overlap',
    metric: 'nps',
    min: 0,
    max: 10,
    polarity: 'higher-is-better',
    bands: [
      { name: 'detractor', min: 0, max: 6, sentiment: 'negative' },
      { name: 'promoter', min: 5, max: 10, sentiment: 'positive' },
    ],
    labels: {},
  } as const;

  test("a hand-made scale object is checked by the rules of defineScale before use, in the caller's name", () => {
    // Overlapping bands would score the answers 5 and 6 twice.
    expect(() => computeNPS([5, 6, 9], { scale: overlapping as never })).toThrow(/^computeNPS: 3 problems: expected bands that do not overlap \(point 5 is also in band 'detractor'\), got "promoter" at options.scale.bands\[1\]; /);
    expect(() => tallyAnswers([5], { scale: overlapping as never })).toThrow(expect.objectContaining({ code: 'invalid_scale' }));
    expect(() => ingest([{ score: 5 }], { scale: overlapping as never })).toThrow(/ingest: .* at mapping.scale.bands\[1\]/);
    expect(() => tallyCounts(overlapping as never, { 5: 1 })).toThrow(expect.objectContaining({ code: 'invalid_scale' }));
    // A scale read back from JSON is checked, and then works like the preset it came from.
    const fromJSON = JSON.parse(JSON.stringify(scales.nps)) as typeof scales.nps;
    expect(computeNPS([9, 10, 3], { scale: fromJSON }).score).toBeCloseTo(100 / 3, 12);
  });

  test('two scales of one id that differ say how, since the ids alone read "expected nps, got nps"', () => {
    const shifted = defineScale({ ...scales.nps, bands: [{ name: 'detractor', min: 0, max: 5, sentiment: 'negative' }, { name: 'passive', min: 6, max: 8, sentiment: 'neutral' }, { name: 'promoter', min: 9, max: 10, sentiment: 'positive' }] });
    const a = tallyAnswers([9], { scale: scales.nps });
    const b = tallyAnswers([9], { scale: shifted });
    expect(() => mergeTallies([a, b])).toThrow(
      /^mergeTallies: expected answers on scale 'nps' \(this 'nps' has bands detractor 0–5 negative, passive 6–8 neutral, promoter 9–10 positive instead of detractor 0–6 negative, passive 7–8 neutral, promoter 9–10 positive; convert explicitly with convertTally\), got "scale 'nps'" at tallies\[1\].scale$/,
    );
  });

  test('holes in bands and unknown keys are refused, with the near names', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = { ...overlapping, bands: [overlapping.bands[0], , { name: 'promoter', min: 7, max: 10, sentiment: 'positive' }] };
    expect(() => defineScale(sparse as never)).toThrow(/a band at every index \(no holes in the array\), got undefined at bands\[1\]/);
    expect(() => defineScale({ ...scales.nps, id: 'x', lables: {} } as never)).toThrow(/did you mean "labels"\?\), got "lables" at lables/);
    expect(() => defineScale({ ...scales.nps, id: 'x', metirc: 'nps' } as never)).toThrow(/did you mean "metric"\?\), got "metirc" at metirc/);
    expect(() => defineScale({ ...scales.nps, id: 'x', bands: [{ name: 'all', min: 0, max: 10, sentimet: 'neutral' }] } as never)).toThrow(/did you mean "sentiment"\?\)/);
  });
});
