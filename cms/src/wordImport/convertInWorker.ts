// Runs convertDocx in a worker thread, with a memory ceiling and a time limit, so a hostile or
// enormous document costs one thread, never the server's event loop. A worker that answered is
// kept for the next document (starting one loads mammoth and happy-dom, which takes a while); one
// that failed, ran out of memory or took too long is ended.
import { Worker } from 'node:worker_threads'

import type { ConvertedDocx } from './convertDocx'
import type { WorkerAnswer } from './convertWorker'
import { MAX_CONVERSION_SECONDS, refusals } from './messages'
import { DocxRefused } from './readPackage'

/** Far above what a document within the paragraph and byte limits needs. */
const maxHeapMb = 768

/**
 * Run from source (tests, `payload run`) the worker is a .ts file and needs tsx to load; in the
 * built server Next bundles it as JavaScript.
 */
const fromSource = import.meta.url.endsWith('.ts')

type Started = { worker: Worker; ready: Promise<void> }

const startWorker = (): Started => {
  const worker = new Worker(new URL('./convertWorker.ts', import.meta.url), {
    execArgv: fromSource ? ['--import', 'tsx'] : undefined,
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  })
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: WorkerAnswer) => {
      if (message !== 'ready') return
      worker.off('message', onMessage)
      worker.off('error', reject)
      resolve()
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
  })
  ready.catch(() => undefined) // reported by the conversion that waits for it
  worker.on('error', () => undefined) // an idle worker's failure is no one's request
  worker.on('exit', () => {
    if (idle?.worker === worker) idle = undefined
  })
  return { worker, ready }
}

/** At most one idle worker waits; concurrent imports each get a worker of their own. */
let idle: Started | undefined

export async function convertInWorker(bytes: Buffer): Promise<ConvertedDocx> {
  const started = idle ?? startWorker()
  idle = undefined
  const { worker } = started
  worker.ref()
  try {
    await started.ready
  } catch (error) {
    void worker.terminate()
    throw error
  }
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (keep: boolean, done: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      // Only our own listeners: removeAllListeners would also drop the ones Node keeps on a
      // Worker to deliver its messages, and a kept worker would never answer again.
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (keep && !idle) {
        worker.unref() // an idle worker never keeps the process alive
        idle = started
      } else {
        if (idle === started) idle = undefined
        void worker.terminate()
      }
      done()
    }
    const onMessage = (answer: WorkerAnswer) =>
      settle(answer !== 'ready' && (answer.ok || Boolean(answer.refusal)), () => {
        if (answer === 'ready') reject(new Error('Word conversion worker answered out of turn'))
        else if (answer.ok) resolve(revive(answer.converted))
        else reject(answer.refusal ? new DocxRefused(answer.refusal) : new Error(`Word conversion failed in its worker: ${answer.error}`))
      })
    const onError = (error: Error & { code?: string }) =>
      settle(false, () => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DocxRefused(refusals.tooComplex) : error))
    const onExit = (code: number) => settle(false, () => reject(new Error(`Word conversion worker exited with ${code} before answering`)))
    const timer = setTimeout(() => settle(false, () => reject(new DocxRefused(refusals.tooComplex))), MAX_CONVERSION_SECONDS * 1000)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage(bytes)
  })
}

/** Buffers arrive from the worker as plain Uint8Arrays. */
const revive = (converted: ConvertedDocx): ConvertedDocx => ({
  ...converted,
  images: converted.images.map((image) => ({ ...image, data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength) })),
})
