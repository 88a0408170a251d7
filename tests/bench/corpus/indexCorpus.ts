// Child process of the search bench: writes `count` corpus news into a fresh search index and
// prints one JSON line of figures, so that the peak RSS measured is the indexing's own.
// node <this file> <count> <index file>
import fs from 'node:fs'

import { openSearchIndex } from '../../../site/src/search/searchIndex'
import { corpusDocs } from './searchDocs'

const [count, file] = [Number(process.argv[2]), process.argv[3]]
fs.rmSync(file, { force: true })
let started = performance.now()
const docs = [...corpusDocs(count)]
const generateMs = performance.now() - started
const rssBeforeMB = process.memoryUsage().rss / 1024 ** 2
started = performance.now()
const cpuBefore = process.cpuUsage()
const index = openSearchIndex(file)
await index.rebuild(docs)
index.close()
const indexMs = performance.now() - started
// All threads of this process: the segmenter threads' time counts too.
const cpu = process.cpuUsage(cpuBefore)
const indexCpuMs = (cpu.user + cpu.system) / 1000
const bodyChars = docs.reduce((sum, doc) => sum + doc.text.length, 0)
console.log(JSON.stringify({ count, generateMs, indexMs, indexCpuMs, rssBeforeMB, peakRssMB: process.resourceUsage().maxRSS / 1024, bodyChars }))
