// A second render thread for full renders: its own copy of the site bundle and of the content
// (a worker has a heap of its own), rendering batches of URLs it is handed while the renderer's
// thread renders others, so that a full render uses both cores of a 2-core machine. Each thread
// stores its pages through a compression thread of its own. Started for one full render and
// stopped after it: its copy of the content costs memory.
import { parentPort, Worker, workerData } from 'node:worker_threads'

import type { RawContent } from '../src/content/cmsSources.ts'
import { openBundle } from './bundle.ts'
import { Output } from './output.ts'
import { renderPage, renderQueue, type StoredPage } from './renderPage.ts'

type ToThread = { type: 'content'; content: RawContent } | { type: 'render'; id: number; urls: string[] }
type FromThread = { type: 'ready' } | { type: 'done'; id: number; pages: StoredPage[] } | { type: 'error'; id?: number; message: string }

/** Pages in flight at once in the thread (as in the renderer's own). */
const PARALLEL = 8

if (parentPort && workerData?.liushanRenderThread) {
  const port = parentPort
  const say = (message: FromThread) => port.postMessage(message)
  try {
    const bundle = await openBundle(workerData.buildDir)
    const output = new Output(workerData.outDir)
    // Part of a full render: plain objects only (the backfill writes their copies).
    const store = (body: Uint8Array, type: string) => output.store(body, type, false)
    port.on('message', async (message: ToThread) => {
      if (message.type === 'content') return bundle.setContent(message.content)
      try {
        const pages: StoredPage[] = []
        let next = 0
        await renderQueue(() => message.urls[next++], PARALLEL, (url) => renderPage(bundle, url, store), (page) => pages.push(page))
        say({ type: 'done', id: message.id, pages })
      } catch (error) {
        say({ type: 'error', id: message.id, message: (error as Error).message })
      }
    })
    say({ type: 'ready' })
  } catch (error) {
    say({ type: 'error', message: `第二个页面生成线程无法启动：${(error as Error).message}` })
  }
}

export type RenderThread = {
  /** Renders and stores `urls` in the thread. */
  render(urls: string[]): Promise<StoredPage[]>
  close(): Promise<void>
}

/** Starts a render thread over the bundle in `buildDir`, storing into `outDir`, with `content`; resolves once it can render. */
export function startRenderThread(buildDir: string, outDir: string, content: RawContent): Promise<RenderThread> {
  // Its console output (Astro's warnings) goes where this thread's console.log goes, never straight to stdout.
  const worker = new Worker(new URL(import.meta.url), { workerData: { liushanRenderThread: true, buildDir, outDir }, stdout: true })
  worker.stdout.on('data', (chunk: Buffer) => console.log(chunk.toString('utf8').trimEnd()))
  const waiting = new Map<number, { resolve: (pages: StoredPage[]) => void; reject: (error: Error) => void }>()
  let next = 0
  let failed: Error | undefined
  return new Promise<RenderThread>((resolveReady, rejectReady) => {
    const fail = (error: Error) => {
      failed ??= error
      rejectReady(failed)
      for (const { reject } of waiting.values()) reject(failed)
      waiting.clear()
    }
    worker.on('message', (message: FromThread) => {
      if (message.type === 'ready') {
        worker.postMessage({ type: 'content', content } satisfies ToThread)
        resolveReady(thread)
      } else if (message.type === 'done') {
        waiting.get(message.id)?.resolve(message.pages)
        waiting.delete(message.id)
      } else if (message.id === undefined) fail(new Error(message.message))
      else {
        waiting.get(message.id)?.reject(new Error(message.message))
        waiting.delete(message.id)
      }
    })
    worker.on('error', (error) => fail(new Error(`第二个页面生成线程出错：${error.message}`)))
    worker.on('exit', (code) => fail(new Error(`第二个页面生成线程已退出（${code}）`)))
    const thread: RenderThread = {
      render: (urls) => {
        if (failed) return Promise.reject(failed)
        const id = next++
        return new Promise<StoredPage[]>((resolve, reject) => {
          waiting.set(id, { resolve, reject })
          worker.postMessage({ type: 'render', id, urls } satisfies ToThread)
        })
      },
      close: async () => {
        failed ??= new Error('第二个页面生成线程已停止')
        await worker.terminate()
      },
    }
  })
}
