/** Text styles: ANSI on a colour terminal, nothing otherwise. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

/** No colour: for pipes, files, `NO_COLOR`, and every format but text on a terminal. */
export const PLAIN: Style = Object.freeze({ bold: (text: string) => text, dim: (text: string) => text });

/** ANSI bold and dim (no hues: a reliability flag must not depend on telling colours apart). */
export const ANSI: Style = Object.freeze({ bold: (text: string) => `\x1b[1m${text}\x1b[22m`, dim: (text: string) => `\x1b[2m${text}\x1b[22m` });

/** Colour only on a terminal, and never when `NO_COLOR` is set to anything (https://no-color.org). */
export function styleFor(stream: { readonly isTTY?: boolean | undefined }, environment: Readonly<Record<string, string | undefined>>): Style {
  return stream.isTTY === true && environment['NO_COLOR'] === undefined && environment['TERM'] !== 'dumb' ? ANSI : PLAIN;
}

/** A table column: its title, and whether numbers align right. */
export interface Column {
  readonly title: string;
  readonly right?: boolean;
}

/** The width of text on a terminal: code points (an em dash is one column, as are accented letters). */
const width = (text: string): number => [...text].length;

/**
 * Rows as aligned text (padded columns, a rule under the titles) or as a Markdown table; `dim`
 * rows (small segments, unreliable periods) are greyed on a colour terminal.
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], markdown: boolean, style: Style, dim: readonly boolean[]): string[] {
  if (markdown) {
    const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return [`| ${columns.map((column) => escape(column.title)).join(' | ')} |`, `| ${columns.map((column) => (column.right === true ? '---:' : '---')).join(' | ')} |`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)];
  }
  const widths = columns.map((column, at) => Math.max(width(column.title), ...rows.map((row) => width(row[at] ?? ''))));
  const pad = (cell: string, at: number): string => {
    const space = ' '.repeat(Math.max(0, (widths[at] as number) - width(cell)));
    return columns[at]?.right === true ? space + cell : cell + space;
  };
  const line = (cells: readonly string[]): string => cells.map(pad).join('  ').trimEnd();
  return [style.bold(line(columns.map((column) => column.title))), line(widths.map((w) => '─'.repeat(w))), ...rows.map((row, at) => (dim[at] === true ? style.dim(line(row)) : line(row)))];
}
