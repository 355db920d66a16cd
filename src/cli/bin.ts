#!/usr/bin/env node
// The `cx-metrics` command: runs with the process's arguments and streams, and exits with the code
// it gives. In a worker thread (a part of a large file), it reads that part instead.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type PartJob, readPart } from './readInParallel.js';
import { run } from './run.js';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
if (isMainThread) process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
else await readPart(workerData as PartJob, (result) => parentPort?.postMessage(result));
