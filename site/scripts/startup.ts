// The render worker's start-up (scripts/render.ts). Reading the content from the CMS needs
// nothing from the site bundle, so it begins as the process starts and runs while the bundle
// loads, instead of after it. Each step's time goes into one timeline, logged as one line (the
// CMS puts the worker's stderr in its log; the live bench reads it from there).
import { performance } from 'node:perf_hooks'

import type { ContentSource } from '../render/content.ts'
import { cmsCollections, cmsGlobals } from '../src/content/cmsSources.ts'
import { cmsReadStats } from '../src/loaders/cmsApi.ts'

/** Milliseconds since this process started (performance.now()), rounded. */
const at = () => Math.round(performance.now())

export type ReadTiming = { ms: number; docs: number }
/** Every figure in ms since the process started, unless named otherwise. */
export type StartTimeline = {
  /** Epoch ms the process started at (to line the figures up with another process's clock). */
  startedAt: number
  /** How this start brought the output up to date: every page, or only what changed while it was down. */
  mode?: 'full' | 'catch-up'
  /** This script running (Node started, its imports loaded). */
  scriptAt: number
  /** Renderer.open: the site bundle loaded, the last render's record read. */
  openMs?: number
  openedAt?: number
  /** The whole read: begun at scriptAt, every collection and global in. */
  readMs?: number
  readAt?: number
  /** The first answer from the CMS (a CMS starting at the same time answers late). */
  firstAnswerAt?: number
  /** Per collection: from the start of the read until that collection was in, and its documents. */
  collections: Record<string, ReadTiming>
  /** Requests; the sum of their waits for the CMS's answer and of their body reads + JSON parses (they overlap). */
  requests?: number
  waitMs?: number
  bodyMs?: number
  /** The render after the content was in (full render, or the catch-up with what changed). */
  renderMs?: number
  rendered?: number
  removed?: number
  /** The full render's own split (render/renderer.ts Timings: loadMs = what it still waited for the read). */
  full?: Record<string, number | undefined>
  /** Hashing the bundle and renderer (render/fingerprint.ts), within openMs. */
  fingerprintMs?: number
  /** Renderer.startPlan: checking the output is complete (every object the manifest names is on disk). */
  planMs?: number
  /** Why this start rendered everything or caught up (Renderer.startPlan). */
  startReason?: string
  /** The search segmenter's dictionary. */
  warmMs?: number
  /** {"ready":true} said. */
  readyAt?: number
  readyEpoch?: number
}

export function newTimeline(): StartTimeline {
  return { startedAt: Math.round(performance.timeOrigin), scriptAt: at(), collections: {} }
}

/**
 * `source`, with every collection and global already being read: the first fetchAll / fetchGlobal
 * of each answers from that read, later ones (a reload) read afresh. The read starts now; a
 * failure surfaces where the content is asked for (and is not an unhandled rejection before).
 */
export function prefetchingSource(source: ContentSource, timeline: StartTimeline): ContentSource {
  const begun = performance.now()
  const early = new Map<string, Promise<any>>()
  const keep = (key: string, read: Promise<any>) => {
    read.catch(() => undefined)
    early.set(key, read)
  }
  for (const slug of cmsCollections) {
    keep(`collection:${slug}`, source.fetchAll(slug).then((docs) => {
      timeline.collections[slug] = { ms: Math.round(performance.now() - begun), docs: docs.length }
      return docs
    }))
  }
  for (const slug of cmsGlobals) keep(`global:${slug}`, source.fetchGlobal(slug))
  void Promise.allSettled(early.values()).then(() => {
    timeline.readAt = at()
    timeline.readMs = Math.round(performance.now() - begun)
    timeline.firstAnswerAt = cmsReadStats.firstAnswerAt === undefined ? undefined : Math.round(cmsReadStats.firstAnswerAt)
    timeline.requests = cmsReadStats.requests
    timeline.waitMs = Math.round(cmsReadStats.waitMs)
    timeline.bodyMs = Math.round(cmsReadStats.bodyMs)
  })
  const once = (key: string, read: () => Promise<any>) => {
    const started = early.get(key)
    early.delete(key)
    return started ?? read()
  }
  return {
    fetchAll: (collection) => once(`collection:${collection}`, () => source.fetchAll(collection)),
    fetchGlobal: (slug) => once(`global:${slug}`, () => source.fetchGlobal(slug)),
    fetchByIds: (collection, ids) => source.fetchByIds(collection, ids),
  }
}

/** The one log line of a start (scripts/render.ts writes it to stderr once ready). */
export const timelineLine = (timeline: StartTimeline) => `[渲染] 启动用时 ${JSON.stringify(timeline)}`
