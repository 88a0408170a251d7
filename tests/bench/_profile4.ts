import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { corpusDocs } from './corpus/searchDocs'
const N = Number(process.argv[2] ?? 3000)
const docs = [...corpusDocs(N)].map((d) => d.text)
const time = <T>(name: string, f: () => T): T => { const s = performance.now(); const c = process.cpuUsage(); const r = f(); const u = process.cpuUsage(c); console.log(name.padEnd(40), 'wall', (performance.now() - s).toFixed(0).padStart(6), 'cpu', ((u.user + u.system) / 1000).toFixed(0).padStart(6)); return r }
const j = time('load dict', () => Jieba.withDict(dict))
console.log('rss MB', process.memoryUsage().rss / 1e6)
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token)
const re = /[\p{L}\p{N}]/u
for (let round = 0; round < 2; round++) {
  time('cutForSearch', () => { for (const d of docs) j.cutForSearch(d, true) })
  time('cut', () => { for (const d of docs) j.cut(d, true) })
  time('cutForSearch join', () => { for (const d of docs) j.cutForSearch(d, true).join(' ') })
  time('cutForSearch filter(regex) join', () => { for (const d of docs) j.cutForSearch(d, true).filter(isWord).join(' ') })
  time('cutForSearch filter(re const) join', () => { for (const d of docs) j.cutForSearch(d, true).filter((t) => re.test(t)).join(' ') })
  time('normalize', () => { for (const d of docs) d.normalize('NFKC') })
  time('cutForSearch Buffer join', () => { for (const d of docs) j.cutForSearch(Buffer.from(d), true).join(' ') })
  time('cutForSearch batch 50 join', () => { for (let i = 0; i < docs.length; i += 50) j.cutForSearch(docs.slice(i, i + 50).join('\n'), true).join(' ') })
}
