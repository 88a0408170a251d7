import fs from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { corpusDocs } from './searchDocs'
import { openSearchIndex } from '../../../site/src/search/searchIndex'
import { indexWords } from '../../../site/src/search/segment'
const docs = [...corpusDocs(1000)]
indexWords('预热')
fs.rmSync('/tmp/i12s-prof.sqlite', { force: true })
let t = performance.now()
const idx = openSearchIndex('/tmp/i12s-prof.sqlite')
console.log('open', (performance.now() - t).toFixed(0))
t = performance.now()
idx.rebuild(docs)
console.log('rebuild', (performance.now() - t).toFixed(0))
t = performance.now()
for (const d of docs.slice(0, 50)) idx.upsert({ ...d, key: d.key + 'x' })
console.log('50 upserts', (performance.now() - t).toFixed(0))
idx.close()
