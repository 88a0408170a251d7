import { astroBuild } from './astroBuild'
import { type BuildLogger, type RequestOptions, SiteBuilder } from './builder'
import { siteAutoBuildEnabled, siteBuildSettings } from './settings'

// One builder per process. Next loads this module in more than one bundle (instrumentation, route
// handlers), each with its own module state, so the instance lives on globalThis.
const key = Symbol.for('liushan.siteBuilder')
const holder = globalThis as typeof globalThis & { [key]?: SiteBuilder }

/** This server's builder, created on first use; undefined unless SITE_AUTO_BUILD=1. */
export function siteBuilder(logger: BuildLogger): SiteBuilder | undefined {
  if (!siteAutoBuildEnabled()) return undefined
  if (!holder[key]) {
    const settings = siteBuildSettings()
    // Debounce and retries can be tuned without code (benchmarks, slow machines).
    const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)
    holder[key] = new SiteBuilder({
      buildsDir: settings.buildsDir,
      run: astroBuild(settings),
      logger,
      debounceMs: number('SITE_BUILD_DEBOUNCE_MS'),
    })
  }
  return holder[key]
}

/** Something the public site shows has changed: rebuild the portal soon (no-op where auto-build is off). */
export function requestSiteBuild(reason: string, logger: BuildLogger, options?: RequestOptions): void {
  siteBuilder(logger)?.request(reason, options)
}
