// Segmentation of many documents at once (a full rebuild): jieba is most of a rebuild's time, so it
// runs in worker threads while the calling thread writes what they return into the index.
// The worker is started from source text (not a file), so it also runs from the site's bundled
// server (dist/), where a separate worker file would not be found.
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

import { INDEX_WORDS_SOURCE, indexWords } from './segment'
import type { SearchDoc } from './types'

/** What FTS5 is given for a document: the words of its title, section, tags and body. */
export type DocWords = [title: string, section: string, tags: string, body: string]
export type Segmented = { doc: SearchDoc; words: DocWords }

/** Documents per message to a thread: large enough that messaging costs nothing, small enough to spread the work. */
const BATCH = 200
/** Below this many documents, starting threads (each loads jieba's dictionary) costs more than it saves. */
const THREADS_FROM = 1000

const fields = (doc: SearchDoc): DocWords => [doc.title, doc.section, doc.tags.join(' '), doc.text]

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { Jieba } = require(workerData.jieba)
const { dict } = require(workerData.dict)
const jieba = Jieba.withDict(dict)
const indexWords = ${INDEX_WORDS_SOURCE}
parentPort.on('message', (texts) => parentPort.postMessage(texts.map((text) => indexWords(jieba, text))))
`

/**
 * How many segmenter threads a rebuild of `count` documents uses: none for a few, else one per core
 * not kept busy by other work (`busyCores`), at least one.
 */
export const segmenterThreads = (count: number, busyCores = 0) => (count < THREADS_FROM ? 0 : Math.max(1, Math.min(4, availableParallelism() - busyCores)))

type Segmenter = { segment(texts: string[]): Promise<string[]>; close(): Promise<number> }

function startSegmenter(): Segmenter {
  const require = createRequire(import.meta.url)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    name: 'liushan-segment',
    workerData: { jieba: require.resolve('@node-rs/jieba'), dict: require.resolve('@node-rs/jieba/dict.js') },
  })
  const waiting: { resolve: (words: string[]) => void; reject: (error: Error) => void }[] = []
  let failed: Error | undefined
  const fail = (error: Error) => {
    failed ??= error
    for (const promise of waiting.splice(0)) promise.reject(failed)
  }
  worker.on('message', (words: string[]) => waiting.shift()?.resolve(words))
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`分词线程意外退出（代码 ${code}）`)))
  return {
    segment: (texts) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed)
        waiting.push({ resolve, reject })
        worker.postMessage(texts)
      }),
    close: () => worker.terminate(),
  }
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = []
  for (const item of items) {
    batch.push(item)
    if (batch.length === size) [yield batch, (batch = [])]
  }
  if (batch.length) yield batch
}

/**
 * The documents with their words, in batches, in order. With no threads the documents are read
 * and cut one batch at a time; with threads a few batches per thread are in flight at once.
 */
export async function* segmentAll(docs: Iterable<SearchDoc>, threads: number): AsyncGenerator<Segmented[]> {
  if (threads <= 0) {
    for (const batch of batches(docs, BATCH)) yield batch.map((doc) => ({ doc, words: fields(doc).map(indexWords) as DocWords }))
    return
  }
  const segmenters = Array.from({ length: threads }, startSegmenter)
  const cut = async (segmenter: Segmenter, batch: SearchDoc[]): Promise<Segmented[]> => {
    const words = await segmenter.segment(batch.flatMap(fields))
    return batch.map((doc, i) => ({ doc, words: words.slice(i * 4, i * 4 + 4) as DocWords }))
  }
  const inFlight: Promise<Segmented[]>[] = []
  try {
    let next = 0
    for (const batch of batches(docs, BATCH)) {
      const result = cut(segmenters[next++ % threads], batch)
      // Awaited in turn below; until then a failure must not count as unhandled.
      result.catch(() => {})
      inFlight.push(result)
      if (inFlight.length >= threads * 2) yield await inFlight.shift()!
    }
    while (inFlight.length) yield await inFlight.shift()!
  } finally {
    await Promise.all(segmenters.map((segmenter) => segmenter.close()))
  }
}
