// The compression thread: stores rendered bodies (hash, brotli, gzip, write) while the main
// thread renders the next pages. On a 2-core machine this halves a full render: zlib's async API
// ran the same work on libuv's four threads and cost the rendering thread more than it saved.
// Bodies handed over in the same turn of the event loop go as one message, answered by one: a
// message each way per page cost both threads ~0.2 ms a page in wake-ups and serialisation.
//
// The backfill runs in a second thread of the same kind ('liushan-backfill', niced): after a full
// render (which stores plain objects only, so its pages go live without waiting for ~1 ms of
// brotli + gzip a page) it writes the missing copies of the objects it is given, one object per
// turn of its event loop (so a new pass, or a stop before a prune, is taken up at once). Niced, it
// takes the CPU that is left: a change rendered meanwhile (its pages compressed by the store
// thread, as before) and the CMS answering the editor are not slowed down by it.
import os from 'node:os'
import { parentPort, Worker, workerData } from 'node:worker_threads'

import { compressObject, type ManifestPage, storeObject } from './objects.ts'

/** Pages per message to the compression thread, at most (fewer when a turn of the event loop ends first). */
const BATCH = 8

type Request = { id: number; body: Uint8Array; type: string; compress: boolean }
type Reply = { id: number; page?: ManifestPage; error?: string }
/** An object whose copies the backfill writes if missing. */
export type BackfillObject = { object: string; type: string }
type ToThread = { store: Request[] } | { backfill: BackfillObject[]; pass: number } | { pause: boolean }
type FromThread = { replies: Reply[] } | { backfilled: { pass: number; copies: number; complete: boolean } }

/** The backfill thread's nice value (Linux: per thread), well below the render's. */
const BACKFILL_NICE = 10

if (parentPort && workerData?.liushanStoreThread) {
  const port = parentPort
  if (workerData.nice) {
    try {
      os.setPriority(0, workerData.nice) // 0: this thread (Linux's setpriority is per thread)
    } catch {
      // not allowed here: it runs at normal priority
    }
  }
  let queue: BackfillObject[] = []
  let at = 0
  let pass = 0
  let copies = 0
  let scheduled = false
  let paused = false
  const step = () => {
    scheduled = false
    if (paused || at >= queue.length) return
    const { object, type } = queue[at++]
    try {
      copies += compressObject(workerData.objectsDir, object, type)
    } catch (error) {
      console.error(`[渲染] 压缩页面文件 ${object} 失败：${(error as Error).message}`)
    }
    if (at < queue.length) return schedule()
    port.postMessage({ backfilled: { pass, copies, complete: true } } satisfies FromThread)
  }
  // setImmediate runs after the event loop's poll phase: a message that came in meanwhile is handled first.
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    setImmediate(step)
  }
  port.on('message', (message: ToThread) => {
    if ('store' in message) {
      const replies = message.store.map(({ id, body, type, compress }): Reply => {
        try {
          return { id, page: storeObject(workerData.objectsDir, body, type, compress) }
        } catch (error) {
          return { id, error: (error as Error).message }
        }
      })
      port.postMessage({ replies } satisfies FromThread)
      return
    }
    if ('pause' in message) {
      paused = message.pause
      if (!paused && at < queue.length) schedule()
      return
    }
    // A new pass replaces the one under way (which is reported incomplete); an empty one stops it.
    if (at < queue.length) port.postMessage({ backfilled: { pass, copies, complete: false } } satisfies FromThread)
    ;[queue, at, pass, copies] = [message.backfill, 0, message.pass, 0]
    if (queue.length) schedule()
    else port.postMessage({ backfilled: { pass, copies, complete: true } } satisfies FromThread)
  })
}

export type BackfillResult = { copies: number; complete: boolean }

/** A thread that stores objects into `objectsDir`; `store` answers once the files are written. */
export function startStoreThread(objectsDir: string) {
  const start = (name: string, nice: number, ended: (error: Error) => void) => {
    const thread = new Worker(new URL(import.meta.url), { name, workerData: { liushanStoreThread: true, objectsDir, nice } })
    thread.unref()
    thread.on('message', onMessage)
    thread.on('error', (error) => ended(new Error(`页面文件写入线程出错：${error.message}`)))
    thread.on('exit', (code) => ended(new Error(`页面文件写入线程已退出（${code}）`)))
    return thread
  }
  const endBackfills = () => {
    for (const resolve of backfills.values()) resolve({ copies: 0, complete: false })
    backfills.clear()
  }
  let backfiller: Worker | undefined
  let closing = false
  const waiting = new Map<number, { resolve: (page: ManifestPage) => void; reject: (error: Error) => void }>()
  const backfills = new Map<number, (result: BackfillResult) => void>()
  let next = 0
  let pass = 0
  let failed: Error | undefined
  let batch: Request[] = []
  let transfer: ArrayBuffer[] = []
  // Kept alive while it owes an answer: a store, or a backfill under way.
  const refresh = () => {
    waiting.size ? worker.ref() : worker.unref()
    backfills.size ? backfiller?.ref() : backfiller?.unref()
  }
  const failAll = (error: Error) => {
    failed = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
    endBackfills()
  }
  const send = () => {
    const [requests, buffers] = [batch, transfer]
    ;[batch, transfer] = [[], []]
    if (failed || !requests.length) return
    try {
      worker.postMessage({ store: requests } satisfies ToThread, buffers)
    } catch (error) {
      for (const { id } of requests) {
        waiting.get(id)?.reject(new Error(`写入页面文件失败：${(error as Error).message}`))
        waiting.delete(id)
      }
    }
  }
  function onMessage(message: FromThread) {
    if ('backfilled' in message) {
      const { pass: done, copies, complete } = message.backfilled
      backfills.get(done)?.({ copies, complete })
      backfills.delete(done)
    } else {
      for (const { id, page, error } of message.replies) {
        const entry = waiting.get(id)
        waiting.delete(id)
        if (error) entry?.reject(new Error(`写入页面文件失败：${error}`))
        else entry?.resolve(page!)
      }
    }
    refresh()
  }
  const worker = start('liushan-store', 0, failAll)
  return {
    /** Stores a body; with `compress`, its copies too before it answers. */
    store(body: Uint8Array, type: string, compress: boolean): Promise<ManifestPage> {
      if (failed) return Promise.reject(failed)
      const id = next++
      return new Promise<ManifestPage>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.ref()
        if (!batch.length) setImmediate(send)
        batch.push({ id, body, type, compress })
        // A body that owns its whole buffer moves to the thread instead of being copied (the caller is done with it).
        const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer
        if (owned && !transfer.includes(body.buffer as ArrayBuffer)) transfer.push(body.buffer as ArrayBuffer)
        // Sent once a batch is full, not only at the end of the turn: the render thread may render
        // many pages in one turn, and the compression thread should have them as they come.
        if (batch.length >= BATCH) send()
      })
    },
    /**
     * Starts writing the missing copies of `objects` in the background, replacing a backfill under
     * way (an empty list just stops it). Resolves when this one is done, or replaced (incomplete).
     * It runs in a thread of its own at low priority, started on first use; it keeps the process alive until done.
     */
    backfill(objects: BackfillObject[]): Promise<BackfillResult> {
      if (failed || (!backfiller && !objects.length)) return Promise.resolve({ copies: 0, complete: true })
      // Its failure costs only the copies (served plain meanwhile; the next start's backfill writes them).
      backfiller ??= start('liushan-backfill', BACKFILL_NICE, (error) => {
        if (!closing) console.error(`[渲染] ${error.message}`)
        backfiller = undefined
        endBackfills()
      })
      const id = ++pass
      const done = new Promise<BackfillResult>((resolve) => backfills.set(id, resolve))
      backfiller.postMessage({ backfill: objects, pass: id } satisfies ToThread)
      refresh()
      return done
    },
    /** Holds the backfill after the object it is on (a change is rendering), or lets it go on. */
    pauseBackfill(pause: boolean) {
      backfiller?.postMessage({ pause } satisfies ToThread)
    },
    close: () => {
      closing = true
      return Promise.all([worker.terminate(), backfiller?.terminate()]).then(() => undefined)
    },
  }
}
