import os from 'node:os'
import path from 'node:path'

/**
 * Every CMS server (src/instrumentation.ts) runs a renderer; the lease (lease.ts) lets only one of
 * them render at a time. SITE_RENDER=off turns it off in this server (tests, a read-only
 * replica). Scripts and unit tests never start one unless they ask for it.
 */
export const siteRenderEnabled = (env: Record<string, string | undefined> = process.env): boolean => env.SITE_RENDER !== 'off'

export type SiteRenderSettings = {
  /** The Astro project (`site/`). */
  siteDir: string
  /** Where the renderer writes objects/ and manifest.json, and the server reads them (SITE_OUT). */
  outDir: string
  /** Where the renderer reads published content: this CMS. */
  cmsUrl: string
  /** The portal's public address, for links in feeds and the sitemap. */
  siteUrl?: string
  /** Uploads, for the photos the pages refer to. */
  mediaDir?: string
  /** The worker, run with this Node: script and arguments (SITE_RENDER_COMMAND, space-separated). */
  workerCommand: string[]
  /** The nightly check's full render into a folder of its own, likewise (SITE_FULL_RENDER_COMMAND). */
  fullCommand: string[]
  /** Who this instance is in the lease. */
  holderId: string
  /**
   * What the worker does when this instance first takes the lease (SITE_RENDER_FULL_AT_START):
   * `if-changed` (`1`, what `npm start` sets) renders everything only if the site bundle or the
   * renderer changed since the last full render, or the output is incomplete; `always` renders
   * everything every time; `off` (unset) catches up with the changes made while it was down.
   */
  fullAtStart: FullAtStart
  leaseMs: number
  pollMs: number
  /** Wait after a first failed start-up render; it doubles with each failure in a row (startupRetryDelay). */
  startupRetryMs: number
}

export type FullAtStart = 'always' | 'if-changed' | 'off'

const fullAtStartOf = (value: string | undefined): FullAtStart =>
  value === 'always' ? 'always' : value === '1' || value === 'if-changed' ? 'if-changed' : 'off'

const words = (value: string | undefined) => value?.trim().split(/\s+/).filter(Boolean)

// `next start` runs in cms/, so the default site is its sibling; start-all sets SITE_DIR explicitly.
export function siteRenderSettings(env: Record<string, string | undefined> = process.env): SiteRenderSettings {
  // The comments keep Next's file tracing from taking these for reads of the whole project.
  const siteDir = path.resolve(/*turbopackIgnore: true*/ env.SITE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '../site'))
  const outDir = path.resolve(/*turbopackIgnore: true*/ env.SITE_OUT ?? path.join(/*turbopackIgnore: true*/ siteDir, 'live'))
  const script = path.join(/*turbopackIgnore: true*/ siteDir, 'scripts/render.ts')
  const worker = words(env.SITE_RENDER_COMMAND) ?? [script, '--worker']
  return {
    siteDir,
    outDir,
    // Next sets PORT to the port it listens on.
    cmsUrl: (env.CMS_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    siteUrl: env.SITE_URL,
    mediaDir: env.MEDIA_DIR,
    workerCommand: worker,
    fullCommand: words(env.SITE_FULL_RENDER_COMMAND) ?? [worker[0], '--full'],
    holderId: env.SITE_RENDER_HOLDER ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    fullAtStart: fullAtStartOf(env.SITE_RENDER_FULL_AT_START),
    leaseMs: Number(env.SITE_RENDER_LEASE_MS ?? 15_000),
    pollMs: Number(env.SITE_RENDER_POLL_MS ?? 100),
    startupRetryMs: 30_000,
  }
}

const STARTUP_RETRY_MAX_MS = 15 * 60_000

/**
 * A start-up render that keeps failing (a broken template, a full disk) is retried after 30 s, 1, 2,
 * 4, 8 min, then every 15 min: each attempt is a record in 站点状态 and a whole render, so a fixed
 * 30 s filled the list with thousands of identical failures a day.
 */
export const startupRetryDelay = (failuresInRow: number, firstMs: number): number =>
  Math.min(STARTUP_RETRY_MAX_MS, firstMs * 2 ** Math.max(0, failuresInRow - 1))
