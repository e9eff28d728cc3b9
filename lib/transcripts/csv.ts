/**
 * CSV exports that stream in constant memory, straight from one `COPY … TO STDOUT` each: Postgres writes
 * every cell (db/queries/transcripts-export.ts; test/csv-reference.ts is the encoder it is held to), cells
 * escaped against formulas and quoted (RFC 4180) when they hold a comma, a quote or a line break. Here
 * only the record ends become CRLF.
 */
import { copyCsv, EXPORT_COLUMNS, type CopyStream, type ExportRows } from '@/db/queries/transcripts-export';
import type { TranscriptFilters } from './filters';

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
          controller.enqueue(new TextEncoder().encode(`${EXPORT_COLUMNS[rows].join(',')}\r\n`)); // plain names: nothing to quote
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
