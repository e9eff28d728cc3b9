/** Dynamic route segments as ids, for pages that 404 on anything that could not be one. */
import { identifier } from '@/lib/ingest/parse/schema-primitives';

/**
 * The id a `[id]` segment names, or null when it names none: Next hands pages the segment percent-encoded,
 * and a malformed escape, NUL, invalid Unicode or 5,000 characters are no id of ours.
 */
export function routeIdOrNull(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const parsed = identifier.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}
