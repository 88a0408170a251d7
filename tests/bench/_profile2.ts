import fs from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { corpusDocs } from './corpus/searchDocs'
import { indexWords } from '../../site/src/search/segment'
import { openSearchIndex } from '../../site/src/search/searchIndex'
const N = Number(process.argv[2] ?? 2000)
const docs = [...corpusDocs(N)]
const time = <T>(name: string, f: () => T): T => { const s = performance.now(); const r = f(); console.log(name, (performance.now() - s).toFixed(0), 'ms'); return r }
indexWords('预热')
const seg = time('segment all', () => docs.map((d) => [indexWords(d.title), indexWords(d.section), indexWords(d.tags.join(' ')), indexWords(d.text)]))
console.log('tokens/doc', seg.reduce((s, x) => s + x[3].split(' ').length, 0) / N)
for (const opts of ["content='', contentless_delete=1", "content=''", "content='', columnsize=0", "content='', contentless_delete=1, detail=column", "content='', detail=none"]) {
  const file = '/tmp/s2/p.sqlite'
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true })
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL')
  db.exec(`CREATE VIRTUAL TABLE words USING fts5(title, section, tags, body, ${opts}, tokenize='unicode61 remove_diacritics 0')`)
  const ins = db.prepare('INSERT INTO words (rowid, title, section, tags, body) VALUES (?, ?, ?, ?, ?)')
  time(`insert ${opts}`, () => { db.exec('BEGIN'); seg.forEach((s, i) => ins.run(i + 1, ...s)); db.exec('COMMIT') })
  time('optimize', () => db.exec("INSERT INTO words(words) VALUES('optimize')"))
  db.close()
  console.log('size MB', (fs.statSync(file).size / 1e6).toFixed(1))
}
const file = '/tmp/s2/full.sqlite'
fs.rmSync(file, { force: true })
const idx = openSearchIndex(file)
time('full rebuild (current)', () => idx.rebuild(docs))
idx.close()
