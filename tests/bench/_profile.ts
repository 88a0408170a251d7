import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { corpusDocs } from './corpus/searchDocs'
import { cleanText } from '../../site/src/search/searchDoc'
const N = Number(process.argv[2] ?? 2000)
let t = performance.now()
const docs = [...corpusDocs(N)]
console.log('gen', (performance.now() - t).toFixed(0))
const j = Jieba.withDict(dict)
const time = (name: string, f: () => void) => { const s = performance.now(); f(); console.log(name, (performance.now() - s).toFixed(0), 'ms') }
time('cleanText', () => { for (const d of docs) cleanText(d.text) })
time('cutForSearch hmm', () => { for (const d of docs) j.cutForSearch(d.text, true) })
time('cutForSearch nohmm', () => { for (const d of docs) j.cutForSearch(d.text, false) })
time('cut hmm', () => { for (const d of docs) j.cut(d.text, true) })
time('cut nohmm', () => { for (const d of docs) j.cut(d.text, false) })
time('cutForSearch hmm batched 100', () => { for (let i = 0; i < docs.length; i += 100) j.cutForSearch(docs.slice(i, i + 100).map((d) => d.text).join('\n'), true) })
time('normalize', () => { for (const d of docs) d.text.normalize('NFKC') })
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token)
time('cutForSearch+filter+join', () => { for (const d of docs) j.cutForSearch(d.text.normalize('NFKC'), true).filter(isWord).join(' ') })
