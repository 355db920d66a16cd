// NPS by region with the library's own pieces wired by hand: papaparse streaming chunks of rows into segmentByAsync.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { scales, segmentByAsync } from '../dist/index.js';

/** papaparse's chunks (pausing the parser until a chunk's rows are taken), one row at a time. */
async function* rows(path) {
  let wake;
  let chunk;
  let done = false;
  let parser;
  Papa.parse(createReadStream(path), {
    header: true,
    chunk(results, handle) {
      parser = handle;
      handle.pause();
      chunk = results.data;
      wake?.();
    },
    complete() {
      done = true;
      wake?.();
    },
  });
  for (;;) {
    if (chunk === undefined && !done) await new Promise((resolve) => (wake = resolve));
    if (chunk !== undefined) {
      const taken = chunk;
      chunk = undefined;
      yield* taken;
      parser.resume();
    } else if (done) return;
  }
}
const table = await segmentByAsync(rows(process.argv[2]), 'region', { scale: scales.nps, value: (row) => (row.nps === '' || row.nps === undefined ? null : Number(row.nps)) });
console.log(JSON.stringify(table.segments.map((segment) => ({ region: segment.key[0], n: segment.n, score: segment.result?.score }))));
