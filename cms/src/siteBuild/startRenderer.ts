import type { Payload } from 'payload'

import { SiteRenderer } from './renderer'
import { siteRenderEnabled, siteRenderSettings } from './settings'

// One renderer per server process. Next loads modules in more than one bundle, each with its own
// module state, so the instance lives on globalThis.
const key = Symbol.for('liushan.siteRenderer')
const holder = globalThis as typeof globalThis & { [key]?: SiteRenderer }

/** Starts this server's renderer (src/instrumentation.ts); nothing where SITE_RENDER=off. */
export function startSiteRenderer(payload: Payload): SiteRenderer | undefined {
  if (!siteRenderEnabled()) return undefined
  if (!holder[key]) {
    const renderer = new SiteRenderer(payload, siteRenderSettings())
    holder[key] = renderer
    renderer.start()
  }
  return holder[key]
}

export const runningSiteRenderer = (): SiteRenderer | undefined => holder[key]
