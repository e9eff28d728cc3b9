/**
 * CSV exports that stream in constant memory, straight from one `COPY … TO STDOUT` each
 * (db/queries/transcripts-export.ts writes every cell as csvCell would). Cells are escaped against
 * formulas and quoted (RFC 4180) when they hold a comma, a quote or a line break; records end with CRLF.
 */
import { copyCsv, EXPORT_COLUMNS, type CopyStream, type ExportRows } from '@/db/queries/transcripts-export';
import type { TranscriptFilters } from './filters';

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
export function csvCell(value: Cell): string {
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

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Turns COPY's LF record ends into CRLF, chunk by chunk, leaving line breaks inside quoted cells as they
 * are: a quote opens or closes a quoted cell ("" inside one toggles twice), so an LF outside an odd run of
 * quotes ends a record. The state carries over chunk boundaries.
 */
export function crlfRecordEnds(): (chunk: Uint8Array) => Uint8Array {
  let quoted = false;
  return (chunk) => {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const ends: number[] = [];
    let quote = buf.indexOf(QUOTE);
    for (let lf = buf.indexOf(LF); lf !== -1; lf = buf.indexOf(LF, lf + 1)) {
      for (; quote !== -1 && quote < lf; quote = buf.indexOf(QUOTE, quote + 1)) quoted = !quoted;
      if (!quoted) ends.push(lf);
    }
    for (; quote !== -1; quote = buf.indexOf(QUOTE, quote + 1)) quoted = !quoted;
    if (ends.length === 0) return chunk;
    const out = Buffer.allocUnsafe(buf.length + ends.length);
    let from = 0;
    let at = 0;
    for (const lf of ends) {
      at += buf.copy(out, at, from, lf);
      out[at++] = CR;
      out[at++] = LF;
      from = lf + 1;
    }
    buf.copy(out, at, from);
    return out;
  };
}

/** Chunks handed to the client: big enough that a million rows are a few thousand enqueues, not millions. */
const CHUNK_BYTES = 64 * 1024;

/**
 * A header, then one COPY's records: a row per conversation matching `filters` (or per message of them),
 * in the filters' sort order.
 */
export function streamCsv(workspaceId: string, filters: TranscriptFilters, rows: ExportRows) {
  const toCrlf = crlfRecordEnds();
  let copy: CopyStream | null = null;
  let records: AsyncIterator<Buffer> | null = null;
  let cancelled = false;
  const stop = async () => {
    cancelled = true;
    await records?.return?.();
    await copy?.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!copy) {
          controller.enqueue(new TextEncoder().encode(toCsv([EXPORT_COLUMNS[rows]])));
          // This may wait for a free export connection; the client may be gone by the time it has one.
          const opened = await copyCsv(workspaceId, filters, rows);
          if (cancelled) return await opened.close();
          copy = opened;
          records = copy.records[Symbol.asyncIterator]();
          return;
        }
        const parts: Buffer[] = [];
        let size = 0;
        let done = false;
        while (size < CHUNK_BYTES && !done) {
          const next = await records!.next();
          if (next.done) {
            done = true;
          } else {
            parts.push(next.value);
            size += next.value.length;
          }
        }
        if (size > 0) controller.enqueue(toCrlf(parts.length === 1 ? parts[0] : Buffer.concat(parts, size)));
        if (done) {
          await copy.close();
          controller.close();
        }
      } catch (error) {
        await stop().catch(() => undefined);
        throw error;
      }
    },
    cancel: stop,
  }, { highWaterMark: 1 });
}

export function csvFilename(kind: 'conversations' | 'messages', filters: TranscriptFilters, today = new Date()): string {
  const range = filters.start || filters.end ? `${filters.start ?? 'start'}_${filters.end ?? 'end'}` : (filters.period ?? today.toISOString().slice(0, 10));
  return `confab-${kind}-${range}.csv`;
}
