// The nightly full render: renders the whole portal afresh into a temp folder (the served one is
// not touched) and compares its manifest with the incrementally maintained one. Objects are
// named by their content hash, so a URL whose object names differ has different bytes. The
// outcome is a site-changes record (kind `full`, key `check`) that 站点状态 shows.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Cron } from 'croner'
import { getCurrentDate, type Payload, type TaskConfig } from 'payload'

import { readManifest as readSiteManifest } from '../../../site/render/manifest'
import { fullRender } from './fullRender'
import { siteRenderEnabled, type SiteRenderSettings, siteRenderSettings } from './settings'

export const siteQueue = 'site'
/** 03:30 Beijing time, when nobody publishes. */
const defaultSchedule = '0 30 3 * * *'
const MAX_LISTED = 100

type Manifest = { pages: Record<string, { object: string }> }
export type Difference = { url: string; live: string | null; fresh: string | null }

const readManifest = (dir: string): Manifest => readSiteManifest(dir) ?? { pages: {} }

export function compareManifests(live: Manifest, fresh: Manifest): Difference[] {
  const urls = new Set([...Object.keys(live.pages), ...Object.keys(fresh.pages)])
  const differences: Difference[] = []
  for (const url of [...urls].sort()) {
    const a = live.pages[url]?.object ?? null
    const b = fresh.pages[url]?.object ?? null
    if (a !== b) differences.push({ url, live: a, fresh: b })
  }
  return differences
}

export async function runNightlyCheck(payload: Payload, settings: SiteRenderSettings = siteRenderSettings()): Promise<{ differences: Difference[]; pages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-nightly-'))
  const started = new Date().toISOString()
  try {
    const result = await fullRender(settings, dir, payload.logger)
    const differences = compareManifests(readManifest(settings.outDir), readManifest(dir))
    await payload.db.create({
      collection: 'site-changes',
      data: {
        key: 'check',
        kind: 'full',
        reason: '每夜全量校验',
        state: 'done',
        startedAt: started,
        finishedAt: new Date().toISOString(),
        pages: result.pages,
        ms: result.ms,
        differences: differences.slice(0, MAX_LISTED),
        error: differences.length ? `全量渲染与增量结果有 ${differences.length} 个页面不同` : null,
      },
    })
    if (differences.length) payload.logger.error(`[门户] 每夜全量校验：${differences.length} 个页面与增量结果不同，例如 ${differences[0].url}`)
    return { differences, pages: result.pages }
  } catch (error) {
    await payload.db.create({
      collection: 'site-changes',
      data: { key: 'check', kind: 'full', reason: '每夜全量校验', state: 'failed', startedAt: started, finishedAt: new Date().toISOString(), error: (error as Error).message },
    })
    throw error
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function nightlyRenderTask(schedule = process.env.SITE_NIGHTLY_RENDER ?? defaultSchedule): TaskConfig {
  return {
    slug: 'siteNightlyRender',
    label: '每夜门户全量校验',
    retries: 0,
    schedule: [
      {
        cron: schedule,
        queue: siteQueue,
        hooks: {
          // Payload reads the cron in the server's zone; the court's night is Beijing time.
          beforeSchedule: async (args) => {
            const decided = await args.defaultBeforeSchedule(args)
            const next = new Cron(schedule, { timezone: 'Asia/Shanghai' }).nextRun(getCurrentDate())
            return { ...decided, ...(next ? { waitUntil: next } : {}) }
          },
        },
      },
    ],
    handler: async ({ req }) => {
      if (siteRenderEnabled()) await runNightlyCheck(req.payload)
      return { output: {} }
    },
  }
}
