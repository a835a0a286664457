/** Exponential backoff with full jitter and a cap: many tablets coming back at once don't stampede the server. */
export function backoffDelay(attempt: number, random = Math.random, baseMs = 2_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(random() * ceiling);
}
