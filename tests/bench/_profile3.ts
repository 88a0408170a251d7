import fs from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { corpusDocs } from './corpus/searchDocs'
import { indexWords } from '../../site/src/search/segment'
const N = Number(process.argv[2] ?? 10000)
const cache = `/tmp/s2/seg-${N}.json`
if (!fs.existsSync(cache)) {
  const docs = [...corpusDocs(N)]
  fs.writeFileSync(cache, JSON.stringify(docs.map((d) => [indexWords(d.title), indexWords(d.section), indexWords(d.tags.join(' ')), indexWords(d.text), d.text])))
}
const seg: string[][] = JSON.parse(fs.readFileSync(cache, 'utf8'))
const time = <T>(name: string, f: () => T): T => { const s = performance.now(); const c = process.cpuUsage(); const r = f(); const u = process.cpuUsage(c); console.log(name.padEnd(60), 'wall', (performance.now() - s).toFixed(0).padStart(6), 'cpu', ((u.user + u.system) / 1000).toFixed(0).padStart(6)); return r }
const variants = (process.argv[3] ?? 'A,B,C,D,E').split(',')
for (const v of variants) {
  const file = `/tmp/s2/p-${v}.sqlite`
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true })
  const db = new DatabaseSync(file)
  const fresh = v !== 'A' && v !== 'B'
  db.exec(fresh ? 'PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536' : 'PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL')
  const detail = v === 'D' ? ', detail=column' : ''
  db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, text TEXT)`)
  db.exec(`CREATE VIRTUAL TABLE words USING fts5(title, section, tags, body, content='', contentless_delete=1${detail}, tokenize='${v === "F" ? "ascii" : "unicode61 remove_diacritics 0"}')`)
  if (v !== 'A') db.exec("INSERT INTO words(words, rank) VALUES('automerge', 0); INSERT INTO words(words, rank) VALUES('hashsize', 67108864)")
  if (v === 'E') db.exec("INSERT INTO words(words, rank) VALUES('hashsize', 8388608)")
  const ins = db.prepare('INSERT INTO words (rowid, title, section, tags, body) VALUES (?, ?, ?, ?, ?)')
  const insd = db.prepare('INSERT INTO docs (id, text) VALUES (?, ?)')
  time(`${v} insert`, () => { db.exec('BEGIN'); seg.forEach((s, i) => { ins.run(i + 1, s[0], s[1], s[2], s[3]); insd.run(i + 1, s[4]) }); db.exec('COMMIT') })
  time(`${v} optimize`, () => db.exec("INSERT INTO words(words) VALUES('optimize')"))
  if (v !== 'A') db.exec("INSERT INTO words(words, rank) VALUES('automerge', 4)")
  db.close()
  console.log('size MB', (fs.statSync(file).size / 1e6).toFixed(1))
}
