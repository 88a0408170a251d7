/** Value at quantile q (0–1), linearly interpolated between the two nearest ranks. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below)
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5)

export type Summary = { count: number; meanMs: number; p50Ms: number; p95Ms: number; maxMs: number }

/** The usual latency figures for a list of durations in milliseconds. */
export function summarize(durationsMs: readonly number[]): Summary {
  return {
    count: durationsMs.length,
    meanMs: round(durationsMs.reduce((sum, d) => sum + d, 0) / durationsMs.length),
    p50Ms: round(quantile(durationsMs, 0.5)),
    p95Ms: round(quantile(durationsMs, 0.95)),
    maxMs: round(Math.max(...durationsMs)),
  }
}

/** Events per second for `count` events that took `elapsedMs` in total. */
export const perSecond = (count: number, elapsedMs: number): number => round((count * 1000) / elapsedMs)

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits))

/**
 * Lets the event loop turn. A loop of Local API creates never leaves the microtask queue (libsql
 * answers synchronously), so the native statements it prepares are never finalized: seeding 50k
 * news grew the bench to 11.9 GB of native memory, flat JS heap. A server yields between requests.
 */
export const letEventLoopTurn = () => new Promise((resolve) => setTimeout(resolve, 0))
