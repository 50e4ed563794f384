// A small per-process cache for expensive, slowly changing reads (counts over every open job,
// reference lists). Each replica keeps its own copy; nothing here is needed by another
// replica, and a value is never older than its time to live.
type Entry = { at: number; value: Promise<unknown> };

const entries = new Map<string, Entry>();
const MAX_ENTRIES = 1000;

/**
 * The cached value of `key`, loading it when missing or older than `ttlMs`. Concurrent callers
 * share one load; a failed load is forgotten at once.
 */
export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { at: Date.now(), value });
  return value;
}

/** Forgets cached values whose key starts with `prefix` (all of them without one). */
export function clearCache(prefix = "") {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
