// The search index with real jieba and real SQLite, over the CMS's demo content.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { searchReader } from './reader'
import { openSearchIndex } from './searchIndex'
import { toSearchDoc } from './searchDoc'
import { cutText } from './segment'
import { seedItems } from './testing/seedItems'
import type { SearchDoc, SearchIndex } from './types'

let dir: string
let file: string
let index: SearchIndex
const seedDocs = () => seedItems().map(toSearchDoc)

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-search-'))
  file = path.join(dir, 'search.sqlite')
  index = openSearchIndex(file)
  await index.rebuild(seedDocs())
})
afterEach(() => {
  index.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const urls = (q: string, perPage = 100) => index.query(q, { perPage }).hits.map((hit) => hit.url)
const plain = (excerpt: string) => excerpt.replace(/<\/?mark>/g, '').replace(/^…|…$/g, '')

const article = (over: Partial<SearchDoc> = {}): SearchDoc => ({
  key: 'news:9001',
  url: '/news/test-9001/',
  title: '测试稿件',
  section: '审判动态',
  date: '2025-06-01T01:00:00.000Z',
  text: '这是一篇测试稿件的正文。',
  tags: [],
  ...over,
})

describe('Chinese queries', () => {
  it.each(['调解', '普法', '家训'])('finds items for the two-character query %s, the word marked in the excerpt', (q) => {
    const { total, hits } = index.query(q)
    expect(total).toBeGreaterThan(0)
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(`${hit.title}${plain(hit.excerpt)}${hit.section}`).toBeTruthy()
    expect(hits.some((hit) => hit.excerpt.includes(`<mark>${q}</mark>`))).toBe(true)
  })

  it.each(['诉源治理', '法官工作站', '民法典宣传', '人民调解委员会'])('finds items for the longer query %s', (q) => {
    expect(index.query(q).total).toBeGreaterThan(0)
  })

  it('finds every family for the theme of their section, 廉洁家风', () => {
    const families = seedDocs().filter((doc) => doc.key.startsWith('families:'))
    expect(families.length).toBe(9)
    const found = urls('廉洁家风')
    expect(families.map((doc) => doc.url).filter((url) => !found.includes(url))).toEqual([])
    // The section ranks first: the families come before news that merely mention the theme.
    expect(found.slice(0, 9).every((url) => url.startsWith('/families/'))).toBe(true)
  })

  it('finds a column’s items by the column name and an item by its tag', () => {
    const cultureNews = seedDocs().filter((doc) => doc.section === '六善文化')
    expect(cultureNews.length).toBeGreaterThan(1)
    const found = urls('六善文化')
    expect(cultureNews.every((doc) => found.includes(doc.url))).toBe(true)
    index.upsert(article({ tags: ['家事审判改革'], text: '正文不提标签。' }))
    expect(urls('家事审判改革')).toContain('/news/test-9001/')
  })

  it('answers a query of punctuation or spaces, or with FTS5 syntax, as a plain query', () => {
    expect(index.query('  ，。 ')).toEqual({ total: 0, hits: [] })
    expect(() => index.query('调解 AND OR NOT "* -(')).not.toThrow()
    expect(index.query('"调解"').total).toBe(index.query('调解').total)
  })

  it('pages through the results', () => {
    const all = urls('法院')
    expect(all.length).toBeGreaterThan(12)
    const first = index.query('法院', { perPage: 5 })
    const second = index.query('法院', { page: 2, perPage: 5 })
    expect(first.total).toBe(all.length)
    expect(second.total).toBe(all.length)
    expect([...first.hits, ...second.hits].map((hit) => hit.url)).toEqual(all.slice(0, 10))
  })
})

describe('results', () => {
  it('carry section and date, and an excerpt of clean body text cut at word boundaries', () => {
    const body = [
      '发布时间：2025-06-01 撰稿：办公室 李某',
      '摄影：孙某',
      '近日，我院法官深入青石镇开展巡回审判，就地调解一起相邻关系纠纷，双方当事人握手言和。',
      '法官随后为旁听群众讲解民法典中关于相邻关系的规定，引导群众依法理性表达诉求。',
    ]
    // Through toSearchDoc as the renderer does, and straight into the index: both come out clean.
    const news = { collection: 'news', id: 9001, slug: 'test-9001' } as const
    const data = { title: '测试稿件', bodyHtml: body.map((p) => `<p>${p}</p>`).join(''), column: { slug: 'trials', title: '审判动态' }, tags: [], publishedAt: '2025-06-01T01:00:00.000Z' }
    index.upsert(toSearchDoc({ ...news, data }))
    index.upsert(article({ key: 'news:9002', url: '/news/test-9002/', text: body.join('\n') }))
    const other = index.query('巡回审判').hits.find((h) => h.url === '/news/test-9002/')!
    expect(other.excerpt).not.toMatch(/发布时间|撰稿|摄影/)
    const hit = index.query('巡回审判').hits.find((h) => h.url === '/news/test-9001/')!
    expect(hit).toMatchObject({ section: '审判动态', date: '2025-06-01T01:00:00.000Z', title: '测试稿件' })
    expect(hit.excerpt).toContain('<mark>巡回审判</mark>')
    expect(hit.excerpt).not.toMatch(/发布时间|撰稿|摄影/)
    const texts = new Map(seedDocs().map((doc) => [doc.url, doc.text]))
    texts.set('/news/test-9001/', body.slice(2).join('\n')).set('/news/test-9002/', body.slice(2).join('\n'))
    for (const h of index.query('调解', { perPage: 50 }).hits) {
      const text = texts.get(h.url)!.replace(/\s+/g, ' ').trim()
      const passage = plain(h.excerpt)
      const at = text.indexOf(passage)
      expect(at, h.url).toBeGreaterThanOrEqual(0)
      const cuts = new Set([0])
      let offset = 0
      for (const token of cutText(text)) cuts.add((offset += token.length))
      expect(cuts.has(at) && cuts.has(at + passage.length), `${h.url}: ${passage}`).toBe(true)
    }
  })

  it('escape the item’s text', () => {
    index.upsert(article({ title: '<b>标题</b>', text: '正文里写着<script>alert(1)</script>调解字样' }))
    const hit = index.query('调解', { perPage: 100 }).hits.find((h) => h.url === '/news/test-9001/')!
    expect(hit.title).toBe('<b>标题</b>') // plain text; the page escapes it
    expect(hit.excerpt).not.toContain('<script>')
    expect(hit.excerpt).toContain('&lt;/script&gt;')
  })
})

describe('updates', () => {
  it('finds an upserted item at once, and its new text after an update', () => {
    expect(index.query('青蛙跳水比赛').total).toBe(0)
    index.upsert(article({ text: '本院举办青蛙跳水比赛。' }))
    expect(urls('青蛙跳水比赛')).toEqual(['/news/test-9001/'])
    index.upsert(article({ text: '本院举办书法比赛。' }))
    expect(index.query('青蛙跳水').total).toBe(0)
    expect(urls('书法比赛')).toEqual(['/news/test-9001/'])
  })

  it('forgets a removed item', () => {
    const family = seedDocs().find((doc) => doc.key.startsWith('families:'))!
    expect(urls(family.title)).toContain(family.url)
    index.remove(family.key)
    expect(urls(family.title)).not.toContain(family.url)
    expect(urls('廉洁家风')).not.toContain(family.url)
    index.remove('news:does-not-exist')
  })

  it('keeps what it holds across reopening, and a rebuild replaces everything', async () => {
    index.upsert(article({ text: '本院举办青蛙跳水比赛。' }))
    index.close()
    index = openSearchIndex(file)
    expect(urls('青蛙跳水')).toEqual(['/news/test-9001/'])
    await index.rebuild([article({ key: 'news:1', url: '/news/only/', text: '唯一的稿件。' })])
    expect(urls('稿件')).toEqual(['/news/only/'])
    expect(index.query('调解').total).toBe(0)
  })

  it('lets the server read the whole old index while a rebuild is being written, and the new one after', async () => {
    // As the /search/ page reads it: reopened when the file behind the name changes.
    const read = () => searchReader(file)!.query('廉洁家风', { perPage: 100 }).total
    const before = read()
    const seen: number[] = []
    const docs = seedDocs()
    function* newDocs() {
      for (const [i, doc] of docs.entries()) {
        // While the new file is being written, a reader queries the index.
        if (i % 20 === 0) seen.push(read())
        if (!doc.key.startsWith('families:')) yield doc
      }
      // Every document read, the new file not yet in place.
      seen.push(read())
    }
    await index.rebuild(newDocs())
    expect(seen.length).toBeGreaterThan(3)
    expect(seen.every((total) => total === before)).toBe(true)
    expect(read()).toBe(before - 9)
    // Only the live generation is left beside the name.
    expect(fs.readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name))).toHaveLength(2)
  })

  it('rebuilds with segmenter threads to the same index as without', async () => {
    // Enough copies of the seed for several batches on each thread.
    const docs = Array.from({ length: 8 }, (_, copy) => seedDocs().map((doc) => ({ ...doc, key: `${doc.key}-${copy}`, url: `${doc.url}${copy}/` }))).flat()
    const queries = ['调解', '廉洁家风', '法官工作站', '民法典', '六善文化', '诉源治理']
    const answers = () => queries.map((q) => index.query(q, { perPage: 100 }))
    await index.rebuild(docs, { threads: 0 })
    const expected = answers()
    expect(expected.every((answer) => answer.total > 0)).toBe(true)
    await index.rebuild(docs, { threads: 2 })
    expect(answers()).toEqual(expected)
  }, 60_000) // two rebuilds and two threads loading jieba's dictionary, on a shared machine

  it('puts a rebuilt index in place only when told to, and throws it away when told not to', async () => {
    const read = () => searchReader(file)!.query('廉洁家风', { perPage: 100 }).total
    const before = read()
    const withoutFamilies = () => seedDocs().filter((doc) => !doc.key.startsWith('families:'))
    let swap!: (published: boolean) => void
    let asked!: () => void
    const waiting = new Promise<void>((resolve) => (asked = resolve))
    const gate = new Promise<boolean>((resolve) => (swap = resolve))
    // Tells when the rebuild, its file written, waits for the word (as a full render's index waits for its pages).
    const watched = Object.assign(gate, { catch: (onRejected: () => boolean) => (asked(), Promise.prototype.catch.call(gate, onRejected)) })
    const rebuilt = index.rebuild(withoutFamilies(), { swapWhen: watched })
    await waiting
    expect(read()).toBe(before)
    expect(fs.readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name))).toHaveLength(3)
    swap(false)
    await rebuilt
    expect(read()).toBe(before)
    expect(fs.readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name))).toHaveLength(2)

    await index.rebuild(withoutFamilies(), { swapWhen: Promise.resolve(true) })
    expect(read()).toBe(before - 9)
    expect(fs.readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name))).toHaveLength(2)
  })

  it('keeps the old index when a rebuild fails', async () => {
    const before = urls('廉洁家风')
    function* failing() {
      yield article()
      throw new Error('内容读取失败')
    }
    await expect(index.rebuild(failing())).rejects.toThrow('内容读取失败')
    expect(urls('廉洁家风')).toEqual(before)
    expect(searchReader(file)!.query('廉洁家风', { perPage: 100 }).hits.map((hit) => hit.url)).toEqual(before)
    expect(fs.readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name))).toHaveLength(2)
  })
})
