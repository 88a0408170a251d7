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
    releaseOnShutdown(renderer)
  }
  return holder[key]
}

export const runningSiteRenderer = (): SiteRenderer | undefined => holder[key]

const SIGNAL_EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const

/**
 * A server told to stop gives up the render lease first (a restart then renders at once). Next
 * handles these signals itself and exits once its server has closed; our release is one quick
 * statement started at once. Should nothing else handle the signal (NEXT_MANUAL_SIG_HANDLE), the
 * process exits here, as it would have without this listener.
 */
function releaseOnShutdown(renderer: SiteRenderer) {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      void renderer.shutdown().finally(() => {
        if (process.listenerCount(signal) === 0) process.exit(code)
      })
    })
  }
}
