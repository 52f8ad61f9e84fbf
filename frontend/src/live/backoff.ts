export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  baseMs: number
  /** No delay is longer than this. */
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 15_000 }

/**
 * Delay before reconnect attempt `attempt` (0 = first): exponential up to the cap, then "equal
 * jitter" (half fixed, half random) so that a hall full of consoles losing the same link does not
 * come back in the same millisecond, while none retries immediately.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const exp = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30))
  return Math.round(exp / 2 + random() * (exp / 2))
}
