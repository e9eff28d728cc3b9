/**
 * The CSV the exports must produce, encoded cell by cell in JS: the reference the COPY-written exports are
 * compared with byte for byte (lib/transcripts/csv.test.ts). Formula-leading text gets a leading quote;
 * a cell holding a comma, a quote or a line break is quoted; records end with CRLF.
 */
type Cell = string | number | boolean | null;

/** Spreadsheets run cells that begin with these as formulas; a leading quote makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell holding any of these is quoted; a lone \n or \r too, or readers would split the record there. */
const NEEDS_QUOTES = /[",\r\n]/;

export function escapeCell(value: Cell): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quoted when it holds a comma, a quote or a line break, as COPY … WITH (FORMAT csv) quotes. */
const quoteCell = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One cell as CSV: escaped against formulas, quoted when it holds a comma, a quote or a line break. */
function csvCell(value: Cell): string {
  const v = escapeCell(value);
  return typeof v === 'number' ? String(v) : quoteCell(v);
}

/** Records, each ended by CRLF. */
export function toCsv(rows: Cell[][]): string {
  let out = '';
  for (const row of rows) {
    let line = csvCell(row[0]);
    for (let i = 1; i < row.length; i++) line += `,${csvCell(row[i])}`;
    out += `${line}\r\n`;
  }
  return out;
}
