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

export async function renderPage(bundle: Bundle, url: string, store: (body: Uint8Array, type: string) => Promise<ManifestPage>): Promise<StoredPage> {
  const rendered = await bundle.render(url === NOT_FOUND_KEY ? NOT_FOUND_PROBE : url)
  const expected = url === NOT_FOUND_KEY ? 404 : 200
  if (rendered.status !== expected) throw new RenderError(`页面 ${url} 生成失败：站点程序返回 ${rendered.status}`)
  // Most pages show no photo: no need to decode them to look for one.
  const media = rendered.type.startsWith('text/html') && rendered.body.includes('/media/') ? [...mediaReferences(rendered.body.toString('utf8'))] : []
  // The body moves to the compression thread; only its object name is kept (all bodies at once would be GBs at 50k news).
  const stored = await store(rendered.body, rendered.type)
  return { url, tags: rendered.tags, stored, media }
}

/** Renders `urls` (taken from `next` until none is left) with `parallel` pages in flight; `done` gets each one. */
export async function renderQueue(next: () => string | undefined, parallel: number, render: (url: string) => Promise<StoredPage>, done: (page: StoredPage) => void) {
  const work = async () => {
    for (let url = next(); url !== undefined; url = next()) done(await render(url))
  }
  await Promise.all(Array.from({ length: parallel }, work))
}
