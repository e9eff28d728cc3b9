/** Reads a request's JSON body with a byte limit: the declared length and the bytes actually read. */
import { badRequest, payloadTooLarge } from './errors';

export const SINGLE_BODY_LIMIT_BYTES = 1024 * 1024;
export const BATCH_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const tooLarge = (maxBytes: number) => payloadTooLarge(`The body must be at most ${maxBytes / (1024 * 1024)} MB`);

async function readBytes(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const body = await readOptionalJsonBody(req, maxBytes);
  if (body === undefined) throw badRequest('Send a JSON body');
  return body;
}

/** The same, for bodies that may be left out: no body, or only whitespace, is `undefined`. */
export async function readOptionalJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return undefined;
  const bytes = await readBytes(req.body, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The body is not valid UTF-8');
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON');
  }
}
