/**
 * A process-wide get-or-compute cache for pure results (compiled patterns, wall clocks, n-grams) whose
 * memory stays bounded: once it holds `limit` entries it starts afresh. No LRU bookkeeping, since the
 * callers' keys repeat within a request or a render, not across hours.
 */
export function boundedCache<K, V>(limit: number): (key: K, compute: () => V) => V {
  const entries = new Map<K, V>();
  return (key, compute) => {
    if (entries.has(key)) return entries.get(key) as V;
    const value = compute();
    if (entries.size >= limit) entries.clear();
    entries.set(key, value);
    return value;
  };
}
