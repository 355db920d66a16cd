import { describe, expect, test, vi } from 'vitest';
import { Progress } from '../../src/cli/Progress.js';

describe('progress on standard error', () => {
  test('only on a terminal', () => {
    expect(Progress.on({ isTTY: false, write: () => true })).toBeUndefined();
    expect(Progress.on({ write: () => true })).toBeUndefined();
  });

  test('rows read, the rate and the share of a file of known size, on one line that is cleared at the end', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const written: string[] = [];
      const progress = Progress.on({ isTTY: true, write: (text: string) => written.push(text) });
      vi.setSystemTime(2000);
      progress?.update(1_000_000, 27_000_000, 54_000_000);
      progress?.update(1_000_001, 27_000_001, 54_000_000); // within 250 ms: not redrawn
      vi.setSystemTime(4000);
      progress?.update(2_000_000, 54_000_000, undefined);
      progress?.done(2_000_000);
      expect(written).toEqual(['\r\x1b[K1,000,000 rows read (500,000 rows/s, 50%)', '\r\x1b[K2,000,000 rows read (500,000 rows/s)', '\r\x1b[K']);
    } finally {
      vi.useRealTimers();
    }
  });
});
