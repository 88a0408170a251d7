// Worker thread entry: converts documents (convertDocx), one message per document, in turn.
import { parentPort } from 'node:worker_threads'

import { convertDocx } from './convertDocx'
import { DocxRefused } from './readPackage'

export type WorkerAnswer =
  | 'ready'
  | { ok: true; converted: Awaited<ReturnType<typeof convertDocx>> }
  | { ok: false; refusal?: string; error?: string }

parentPort!.on('message', async (bytes: Uint8Array) => {
  let answer: WorkerAnswer
  try {
    answer = { ok: true, converted: await convertDocx(bytes) }
  } catch (error) {
    answer = error instanceof DocxRefused ? { ok: false, refusal: error.message } : { ok: false, error: String((error as Error)?.stack ?? error) }
  }
  parentPort!.postMessage(answer)
})

// Loaded and listening: the time limit on a conversion starts now, not while modules load.
parentPort!.postMessage('ready')
