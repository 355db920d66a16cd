/** Where progress goes: a terminal's standard error. */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

/** How often the line is redrawn. */
const EVERY_MS = 250;

/**
 * Rows read, the rate and (when the file's size is known) the share read, redrawn on one line of
 * standard error a few times a second; only on a terminal, so logs and pipes never see it.
 */
export class Progress {
  readonly #stream: ProgressStream;
  readonly #started = Date.now();
  #shown = 0;
  #drawn = false;

  constructor(stream: ProgressStream) {
    this.#stream = stream;
  }

  /** A progress line for a terminal, or undefined when standard error is not one. */
  static on(stream: ProgressStream): Progress | undefined {
    return stream.isTTY === true ? new Progress(stream) : undefined;
  }

  /** Redraws the line when it is time. */
  update(rows: number, bytes: number, size: number | undefined): void {
    const now = Date.now();
    if (now - this.#shown < EVERY_MS) return;
    this.#shown = now;
    const seconds = Math.max((now - this.#started) / 1000, 1e-3);
    const share = size === undefined || size === 0 ? '' : `, ${Math.min(100, (100 * bytes) / size).toFixed(0)}%`;
    this.#stream.write(`\r\x1b[K${rows.toLocaleString('en-US')} rows read (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s${share})`);
    this.#drawn = true;
  }

  /** Clears the line. */
  done(_rows: number): void {
    if (this.#drawn) this.#stream.write('\r\x1b[K');
  }
}
