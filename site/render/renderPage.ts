// One URL of a render: rendered through the bundle, checked, its body handed to the object store.
// Shared by the renderer's own thread and the second render thread of a full render (./renderThread.ts).
import { type Bundle, NOT_FOUND_PROBE } from './bundle.ts'
import { mediaReferences } from './media.ts'
import type { ManifestPage } from './objects.ts'

/** The manifest key of the 404 page (rendered from NOT_FOUND_PROBE, served for unknown URLs). */
export const NOT_FOUND_KEY = '/404.html'

export class RenderError extends Error {}

/** A rendered and stored page: its dependency tags, its object, the media files it shows. */
export type StoredPage = { url: string; tags: string[]; stored: ManifestPage; media: string[] }

/**
 * Renders `url` and hands its body to `store`; resolves once rendered, with `stored` pending until
 * the compression thread has written it, so this thread can render the next page meanwhile.
 */
export async function renderPage(bundle: Bundle, url: string, store: (body: Uint8Array, type: string) => Promise<ManifestPage>): Promise<{ stored: Promise<StoredPage> }> {
  const rendered = await bundle.render(url === NOT_FOUND_KEY ? NOT_FOUND_PROBE : url)
  const expected = url === NOT_FOUND_KEY ? 404 : 200
  if (rendered.status !== expected) throw new RenderError(`页面 ${url} 生成失败：站点程序返回 ${rendered.status}`)
  // Most pages show no photo: no need to decode them to look for one.
  const media = rendered.type.startsWith('text/html') && rendered.body.includes('/media/') ? [...mediaReferences(rendered.body.toString('utf8'))] : []
  // The body moves to the compression thread; only its object name is kept (all bodies at once would be GBs at 50k news).
  const tags = rendered.tags
  return { stored: store(rendered.body, rendered.type).then((stored) => ({ url, tags, stored, media })) }
}

/**
 * Rendered pages that may wait for the compression thread at once. Rendering waits for storing
 * only beyond this: with a page's render awaiting its own store (eight in flight), the eight were
 * rendered in one turn, sent in one batch, and this thread then idled until they came back, the
 * compression thread idling in turn while it rendered the next eight (a 10k full render used 1.2
 * of 2 cores). ~64 pages are ~1 MB.
 */
const STORING = 64

/**
 * Renders `urls` (taken from `next` until none is left) with `parallel` pages rendering at once and
 * up to STORING rendered ones being stored; `done` gets each one once stored.
 */
export async function renderQueue(next: () => string | undefined, parallel: number, render: (url: string) => Promise<{ stored: Promise<StoredPage> }>, done: (page: StoredPage) => void) {
  // The compression thread answers in the order it was given pages: the oldest is the first to wait for.
  const storing: Promise<void>[] = []
  const work = async () => {
    for (let url = next(); url !== undefined; url = next()) {
      const { stored } = await render(url)
      const settled = stored.then(done)
      // Awaited below or at the end; a failure meanwhile must not count as unhandled.
      settled.catch(() => {})
      storing.push(settled)
      while (storing.length >= STORING) await storing.shift()
    }
  }
  await Promise.all(Array.from({ length: parallel }, work))
  await Promise.all(storing)
}
