import { describe, expect, test } from 'vitest';
import { CxMetricsError, ingestAsync, ingestStream, type RejectedRow, scales, segmentByAsync, tallyAnswersAsync } from 'cx-metrics';

async function* rows(count: number): AsyncGenerator<{ id: string; nps: string; region: string }> {
  for (let i = 0; i < count; i++) yield { id: `R_${i}`, nps: i % 10 === 0 ? 'n/a' : String(i % 11), region: i % 2 ? 'EU' : 'US' };
}
/** A source that yields a few rows, then never answers again (a stuck network stream). */
function stuck(before: number): AsyncIterable<{ nps: number }> {
  let given = 0;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => (given++ < before ? Promise.resolve({ done: false, value: { nps: 9 } }) : new Promise<IteratorResult<{ nps: number }>>(() => undefined)),
      return: () => Promise.resolve({ done: true, value: undefined }),
    }),
  };
}
/** A source that fails at a given row, as a file read that loses its disk would. */
async function* failing(at: number): AsyncGenerator<{ nps: number }> {
  for (let i = 0; i < at; i++) yield { nps: 9 };
  throw new Error('disk went away');
}
const mapping = { scale: scales.nps, score: 'nps', respondentId: 'id', attributes: ['region'] };

describe('ingestStream', () => {
  test('yields records one at a time, passes rejected rows to onRejected as they happen, and counts everything', async () => {
    const rejected: RejectedRow[] = [];
    const stream = ingestStream(rows(100), mapping, { onRejected: (row) => rejected.push(row) });
    let records = 0;
    for await (const record of stream) {
      records++;
      expect(record.scaleId).toBe('nps');
    }
    expect([records, rejected.length, rejected[0]?.row, rejected[0]?.issues[0]?.code]).toEqual([90, 10, 0, 'unknown_label']);
    expect(stream.summary).toMatchObject({ total: 100, accepted: 90, rejected: 10, excluded: 0, issueCounts: { unknown_label: 10 } });
  });

  test('its return value is the summary, and it can be closed early', async () => {
    const stream = ingestStream(rows(5), mapping);
    let step = await stream.next();
    while (step.done !== true) step = await stream.next();
    expect(step.value).toEqual(stream.summary);
    const early = ingestStream(rows(1000), mapping);
    await early.next();
    expect((await early.return()).done).toBe(true);
    expect(early.summary.total).toBeLessThan(1000);
  });

  test("with onInvalid: 'throw' the stream fails at the first rejected row", async () => {
    const stream = ingestStream(rows(20), mapping, { onInvalid: 'throw' });
    await expect(async () => {
      for await (const record of stream) void record;
    }).rejects.toThrow(expect.objectContaining({ code: 'invalid_rows', message: expect.stringMatching(/^ingestStream: row 0, score/) }));
  });

  test('checks the mapping and options when called, before any row is read', () => {
    expect(() => ingestStream(rows(1), { scale: scales.nps, respondentId: 'id' })).toThrow(/must name the score/);
    expect(() => ingestStream(rows(1), mapping, { signal: {} as never })).toThrow(/expected an AbortSignal/);
  });
});

describe('every async entry stops promptly on an aborted signal, and names the row of a failing source', () => {
  const entries = {
    ingestStream: async (source: AsyncIterable<unknown>, signal?: AbortSignal) => {
      for await (const record of ingestStream(source, { scale: scales.nps, score: 'nps' }, { signal })) void record;
    },
    ingestAsync: (source: AsyncIterable<unknown>, signal?: AbortSignal) => ingestAsync(source, { scale: scales.nps, score: 'nps' }, { signal }),
    tallyAnswersAsync: (source: AsyncIterable<unknown>, signal?: AbortSignal) => tallyAnswersAsync(source, { scale: scales.nps, value: 'nps', signal }),
    segmentByAsync: (source: AsyncIterable<unknown>, signal?: AbortSignal) => segmentByAsync(source, () => 'all', { scale: scales.nps, value: 'nps', signal }),
  };

  test.each(Object.entries(entries))('%s: a stuck source is abandoned as soon as the signal aborts', async (name, run) => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('the user went away')), 30);
    const error = await run(stuck(3), controller.signal).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error).toMatchObject({ code: 'aborted', message: `${name}: aborted at ${name === 'tallyAnswersAsync' ? 'input' : 'rows'}[3]` });
    expect(((error as CxMetricsError).cause as Error).message).toBe('the user went away');
  });

  test.each(Object.entries(entries))('%s: a source that fails at row 500 is reported with that row and its error as cause', async (name, run) => {
    const error = await run(failing(500)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    const rowsPath = name === 'tallyAnswersAsync' ? 'input' : 'rows';
    expect(error).toMatchObject({ code: 'source_failed', message: `${name}: the input threw at ${rowsPath}[500]: disk went away` });
    expect((error as CxMetricsError).issues[0]?.path).toEqual([rowsPath, 500]);
    expect(((error as CxMetricsError).cause as Error).message).toBe('disk went away');
  });

  test('an already aborted signal stops before the first row; a long synchronous source under a signal yields to it', async () => {
    const aborted = AbortSignal.abort(new Error('no'));
    await expect(tallyAnswersAsync([9, 9], { scale: scales.nps, signal: aborted })).rejects.toMatchObject({ code: 'aborted', message: 'tallyAnswersAsync: aborted at input[0]' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    const long = new Uint8Array(5e7).fill(9);
    const started = Date.now();
    await expect(tallyAnswersAsync(long, { scale: scales.nps, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
