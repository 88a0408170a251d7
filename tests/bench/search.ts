// `npm run bench -- search`: the search index (site/src/search/) on the realistic corpus
// (corpus/): a full index of 10k news (time, peak RSS, file size), one upsert, one remove, and
// query latency for two-character and longer queries. Pagefind's figures on the same kind of
// corpus are in the design note (/work/shared/design/instant-publish.md), quoted below.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { DatabaseSync } from 'node:sqlite'

import { openSearchIndex } from '../../site/src/search/searchIndex'
import type { Log, Table } from './cms'
import { columns } from '../../cms/src/seed/data/columns'
import { corpusVocabulary, seededRandom } from './corpus/index'
import { corpusDocs } from './corpus/searchDocs'
import { round, type Summary, summarize } from './stats'

/** BENCH_SEARCH_SIZES=1000,10000,50000 adds the 50k row (~1 min more to index). */
const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '1000,10000').split(',').map(Number)
const UPDATES = 30
const QUERIES = 300
/** Measured with Pagefind 1.6 on a realistic-vocabulary corpus, 10k news, this kind of machine (design note). */
const PAGEFIND_10K = { indexSeconds: 97, peakRssGB: '3.2–4.3', rewriteAfterOneUpsertSeconds: 73 }
/** The full render of 10k (pages + search) is 30 s; the pages take most of it, so the search's share is ~8 s. */
const TARGETS = { fullIndexSecondsAt10k: 8, queryP95Ms: 30, upsertMs: 1000, searchableWithinSeconds: 10 }

type Build = { count: number; generateMs: number; indexMs: number; indexCpuMs: number; rssBeforeMB: number; peakRssMB: number; bodyChars: number }
export type SearchRun = {
  docs: number
  bodyCharsMean: number
  distinctTerms: number
  indexSeconds: number
  /** CPU time of the rebuild, all threads: on a machine shared with other work, wall time varies with the load. */
  indexCpuSeconds: number
  /** The machine's load average (1 min) when the rebuild ran. */
  loadAverage: number
  peakRssMB: number
  rssBeforeIndexMB: number
  fileMB: number
  upsert: Summary
  remove: Summary
  twoCharQuery: Summary & { meanHits: number }
  longerQuery: Summary & { meanHits: number }
  themeQuery: Summary & { meanHits: number }
}
export type SearchResults = { corpus: string; targets: typeof TARGETS; pagefindAt10k: typeof PAGEFIND_10K; runs: SearchRun[] }

const here = path.dirname(fileURLToPath(import.meta.url))

function buildInChild(count: number, file: string): Build {
  const child = spawnSync(process.execPath, [...process.execArgv, path.join(here, 'corpus/indexCorpus.ts'), String(count), file], { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 })
  if (child.status !== 0) throw new Error(`indexing ${count} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!)
}

const time = (work: () => void) => {
  const started = performance.now()
  work()
  return performance.now() - started
}

function queries(random: () => number): { two: string[]; longer: string[]; theme: string[] } {
  const { court, general } = corpusVocabulary()
  const two: string[] = []
  const longer: string[] = []
  while (two.length < QUERIES) {
    const word = (random() < 0.5 ? court : general).draw(random)
    if (word.length === 2) two.push(word)
  }
  while (longer.length < QUERIES) {
    const word = court.draw(random)
    // Compounds a reader types: a longer court word, or two words run together (廉洁家风).
    longer.push(word.length >= 3 ? word : word + court.draw(random))
  }
  // A 栏目's theme: its name, as a reader types it (廉洁家风, 六善文化).
  const theme = Array.from({ length: QUERIES }, () => columns[Math.floor(random() * columns.length)].title)
  return { two, longer, theme }
}

async function runSize(count: number, dir: string, log: Log): Promise<SearchRun> {
  const file = path.join(dir, `search-${count}.sqlite`)
  log(`search: indexing ${count.toLocaleString('en')} corpus news …`)
  const loadAverage = round(os.loadavg()[0])
  const build = buildInChild(count, file)
  const fileMB = fs.statSync(file).size / 1024 ** 2
  const vocab = new DatabaseSync(file)
  vocab.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, 'words', 'row')")
  const distinctTerms = Number((vocab.prepare('SELECT count(*) AS n FROM temp.terms').get() as { n: number }).n)
  vocab.close()

  const index = openSearchIndex(file)
  const reader = openSearchIndex(file, { readOnly: true })
  try {
    log('  upserts and removals …')
    const fresh = [...corpusDocs(UPDATES, { seed: 99 }, 10_000_000)]
    const upsertMs = fresh.map((doc) => time(() => index.upsert(doc)))
    for (const doc of fresh.slice(0, 3)) if (!reader.query(doc.title).hits.some((hit) => hit.url === doc.url)) throw new Error(`upserted ${doc.url} not found`)
    const removeMs = fresh.map((doc) => time(() => index.remove(doc.key)))

    log(`  ${QUERIES} two-character and ${QUERIES} longer queries …`)
    const { two, longer, theme } = queries(seededRandom(count))
    const measure = (list: string[]) => {
      let hits = 0
      const ms = list.map((q) => time(() => (hits += reader.query(q).total)))
      return { ...summarize(ms), meanHits: round(hits / list.length) }
    }
    measure(two.slice(0, 20)) // warm the page cache and the segmenter
    return {
      docs: count,
      bodyCharsMean: Math.round(build.bodyChars / count),
      distinctTerms,
      indexSeconds: round(build.indexMs / 1000),
      indexCpuSeconds: round(build.indexCpuMs / 1000),
      loadAverage,
      peakRssMB: Math.round(build.peakRssMB),
      rssBeforeIndexMB: Math.round(build.rssBeforeMB),
      fileMB: round(fileMB),
      upsert: summarize(upsertMs),
      remove: summarize(removeMs),
      twoCharQuery: measure(two),
      longerQuery: measure(longer),
      themeQuery: measure(theme),
    }
  } finally {
    reader.close()
    index.close()
  }
}

export async function benchSearch(log: Log): Promise<SearchResults> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-bench-search-'))
  try {
    const runs: SearchRun[] = []
    for (const count of SIZES) runs.push(await runSize(count, dir, log))
    return {
      corpus: 'tests/bench/corpus: words by frequency from jieba’s dictionary, 35% court vocabulary from the seed report and demo content; bodies 600–2,000 characters; seed columns; varied tags',
      targets: TARGETS,
      pagefindAt10k: PAGEFIND_10K,
      runs,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function searchTables(results: SearchResults): Table[] {
  const ms = (s: Summary) => `${s.p50Ms} / ${s.p95Ms} / ${s.maxMs}`
  return [
    {
      title: 'Search index (SQLite FTS5 + jieba), realistic corpus: full index',
      head: ['news', 'chars/body', 'distinct terms', 'index s', 'CPU s', 'load avg', 'peak RSS MB', 'of which before indexing', 'file MB'],
      rows: results.runs.map((r) => [r.docs, r.bodyCharsMean, r.distinctTerms, r.indexSeconds, r.indexCpuSeconds, r.loadAverage, r.peakRssMB, r.rssBeforeIndexMB, r.fileMB]),
    },
    {
      title: 'Search index: one change and one query (ms, p50 / p95 / max)',
      head: ['news', 'upsert', 'remove', '2-char query', 'hits', 'longer query', 'hits', '栏目 theme query', 'hits'],
      rows: results.runs.map((r) => [r.docs, ms(r.upsert), ms(r.remove), ms(r.twoCharQuery), r.twoCharQuery.meanHits, ms(r.longerQuery), r.longerQuery.meanHits, ms(r.themeQuery), r.themeQuery.meanHits]),
    },
    {
      title: 'Pagefind 1.6 at 10k, realistic vocabulary (design note, for comparison)',
      head: ['index s', 'peak RSS GB', 'rewrite after one upsert s'],
      rows: [[results.pagefindAt10k.indexSeconds, results.pagefindAt10k.peakRssGB, results.pagefindAt10k.rewriteAfterOneUpsertSeconds]],
    },
  ]
}
