// The compression thread: stores rendered bodies (hash, brotli, gzip, write) while the main
// thread renders the next pages. On a 2-core machine this halves a full render: zlib's async API
// ran the same work on libuv's four threads and cost the rendering thread more than it saved.
// Bodies handed over in the same turn of the event loop go as one message, answered by one: a
// message each way per page cost both threads ~0.2 ms a page in wake-ups and serialisation.
import { parentPort, Worker, workerData } from 'node:worker_threads'

import { type ManifestPage, storeObject } from './objects.ts'

/** Pages per message to the compression thread, at most (fewer when a turn of the event loop ends first). */
const BATCH = 8

type Request = { id: number; body: Uint8Array; type: string }
type Reply = { id: number; page?: ManifestPage; error?: string }

if (parentPort && workerData?.liushanStoreThread) {
  const port = parentPort
  port.on('message', (requests: Request[]) => {
    const replies = requests.map(({ id, body, type }): Reply => {
      try {
        return { id, page: storeObject(workerData.objectsDir, body, type) }
      } catch (error) {
        return { id, error: (error as Error).message }
      }
    })
    port.postMessage(replies)
  })
}

/** A thread that stores objects into `objectsDir`; `store` answers once the files are written. */
export function startStoreThread(objectsDir: string) {
  const worker = new Worker(new URL(import.meta.url), { name: 'liushan-store', workerData: { liushanStoreThread: true, objectsDir } })
  worker.unref()
  const waiting = new Map<number, { resolve: (page: ManifestPage) => void; reject: (error: Error) => void }>()
  let next = 0
  let failed: Error | undefined
  let batch: Request[] = []
  let transfer: ArrayBuffer[] = []
  const failAll = (error: Error) => {
    failed = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  const send = () => {
    const [requests, buffers] = [batch, transfer]
    ;[batch, transfer] = [[], []]
    if (failed || !requests.length) return
    try {
      worker.postMessage(requests, buffers)
    } catch (error) {
      for (const { id } of requests) {
        waiting.get(id)?.reject(new Error(`写入页面文件失败：${(error as Error).message}`))
        waiting.delete(id)
      }
    }
  }
  worker.on('message', (replies: Reply[]) => {
    for (const { id, page, error } of replies) {
      const entry = waiting.get(id)
      waiting.delete(id)
      if (error) entry?.reject(new Error(`写入页面文件失败：${error}`))
      else entry?.resolve(page!)
    }
    if (waiting.size === 0) worker.unref()
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
        if (!batch.length) setImmediate(send)
        batch.push({ id, body, type })
        // A body that owns its whole buffer moves to the thread instead of being copied (the caller is done with it).
        const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer
        if (owned && !transfer.includes(body.buffer as ArrayBuffer)) transfer.push(body.buffer as ArrayBuffer)
        // Sent once a batch is full, not only at the end of the turn: the render thread may render
        // many pages in one turn, and the compression thread should have them as they come.
        if (batch.length >= BATCH) send()
      })
    },
    close: () => worker.terminate().then(() => undefined),
  }
}
