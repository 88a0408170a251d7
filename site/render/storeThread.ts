// The compression thread: stores rendered bodies (hash, brotli, gzip, write) while the main
// thread renders the next pages. On a 2-core machine this halves a full render: zlib's async API
// ran the same work on libuv's four threads and cost the rendering thread more than it saved.
import { parentPort, Worker, workerData } from 'node:worker_threads'

import { type ManifestPage, storeObject } from './objects.ts'

type Request = { id: number; body: Uint8Array; type: string }
type Reply = { id: number; page?: ManifestPage; error?: string }

if (parentPort && workerData?.liushanStoreThread) {
  const port = parentPort
  port.on('message', ({ id, body, type }: Request) => {
    try {
      port.postMessage({ id, page: storeObject(workerData.objectsDir, body, type) } satisfies Reply)
    } catch (error) {
      port.postMessage({ id, error: (error as Error).message } satisfies Reply)
    }
  })
}

/** A thread that stores objects into `objectsDir`; `store` answers once the files are written. */
export function startStoreThread(objectsDir: string) {
  const worker = new Worker(new URL(import.meta.url), { name: 'liushan-store', workerData: { liushanStoreThread: true, objectsDir } })
  worker.unref()
  const waiting = new Map<number, { resolve: (page: ManifestPage) => void; reject: (error: Error) => void }>()
  let next = 0
  let failed: Error | undefined
  const failAll = (error: Error) => {
    failed = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', ({ id, page, error }: Reply) => {
    const entry = waiting.get(id)
    waiting.delete(id)
    if (waiting.size === 0) worker.unref()
    if (error) entry?.reject(new Error(`写入页面文件失败：${error}`))
    else entry?.resolve(page!)
  })
  worker.on('error', (error) => failAll(new Error(`页面文件写入线程出错：${error.message}`)))
  worker.on('exit', (code) => failAll(new Error(`页面文件写入线程已退出（${code}）`)))
  return {
    store(body: Uint8Array, type: string): Promise<ManifestPage> {
      if (failed) return Promise.reject(failed)
      const id = next++
      return new Promise<ManifestPage>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.ref()
        // A body that owns its whole buffer moves to the thread instead of being copied (the caller is done with it).
        const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer
        worker.postMessage({ id, body, type } satisfies Request, owned ? [body.buffer as ArrayBuffer] : [])
      })
    },
    close: () => worker.terminate().then(() => undefined),
  }
}
