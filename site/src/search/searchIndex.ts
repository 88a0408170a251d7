// The site's search index: one SQLite file (node:sqlite, FTS5). Text is cut into words by jieba
// before it reaches FTS5, whose unicode61 tokenizer then only splits at the spaces we put in.
// One writer (the renderer), any number of readers (the server's /search/ page).
// - A change (upsert, remove) is one transaction on the live file in WAL mode: a reader sees the
//   index before it or after it, never half of it.
// - A rebuild writes a new generation file beside it (no journal, words held in memory and written
//   once) and then points the index's name, a symbolic link, at it with one rename. Readers keep
//   the old file until they next look (reader.ts reopens when the file behind the name changes).
//   Each generation has its own name, so SQLite's -wal/-shm files never meet another generation's.
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'

import { excerpt } from './excerpt'
import { cleanText } from './searchDoc'
import { type DocWords, segmentAll, segmenterThreads } from './segmentThreads'
import { indexWords, queryWords } from './segment'
import type { RebuildOptions, SearchDoc, SearchHit, SearchIndex } from './types'

/** Bumped when the layout below changes: an index of another version is rebuilt from scratch. */
const SCHEMA_VERSION = 2
/** bm25 weights of the indexed columns (title, section, tags, body): a title or 栏目 match ranks first. */
const WEIGHTS = '10.0, 6.0, 6.0, 1.0'
export const PER_PAGE = 10
/** Reading pages past this many results is not offered. */
const MAX_PAGE = 100
/** FTS5 keeps a transaction's new words in memory up to this size before writing a segment: a rebuild writes ~one. */
const REBUILD_HASH_BYTES = 64 * 1024 * 1024

// Texts apart from docs: ranking reads docs for every hit, and small rows keep that cheap.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    section TEXT NOT NULL,
    date TEXT
  );
  CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
  CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
    title, section, tags, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );
`

/** A word as an FTS5 string (quoted, so 'AND' or '-' in a query is just text); a single character matches as a prefix. */
const ftsTerm = (word: string) => `"${word.replaceAll('"', '""')}"${[...word].length === 1 ? '*' : ''}`

/** The FTS5 query for what the reader typed: every word must occur (in any column). */
export const matchExpression = (query: string): string | undefined => {
  const words = queryWords(query)
  return words.length ? words.map(ftsTerm).join(' AND ') : undefined
}

function openWriter(file: string): DatabaseSync {
  const db = new DatabaseSync(file, { timeout: 5000 })
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL')
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)
  if (version !== SCHEMA_VERSION) {
    db.exec('DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS texts; DROP TABLE IF EXISTS words')
    db.exec(SCHEMA)
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
  }
  return db
}

const prepare = (db: DatabaseSync) => ({
  find: db.prepare('SELECT id FROM docs WHERE key = ?'),
  // No RETURNING: a statement with one opens a statement journal, and FTS5 flushes its pending
  // words to disk at every savepoint, so a rebuild wrote one segment per document (1 ms each).
  insertDoc: db.prepare('INSERT INTO docs (key, url, title, section, date) VALUES (?, ?, ?, ?, ?)'),
  updateDoc: db.prepare('UPDATE docs SET url = ?, title = ?, section = ?, date = ? WHERE id = ?'),
  deleteDoc: db.prepare('DELETE FROM docs WHERE id = ?'),
  putText: db.prepare('INSERT OR REPLACE INTO texts (id, text) VALUES (?, ?)'),
  deleteText: db.prepare('DELETE FROM texts WHERE id = ?'),
  insertWords: db.prepare('INSERT INTO words (rowid, title, section, tags, body) VALUES (?, ?, ?, ?, ?)'),
  deleteWords: db.prepare('DELETE FROM words WHERE rowid = ?'),
  count: db.prepare('SELECT count(*) AS n FROM words WHERE words MATCH ?'),
  // Ranked over ids and dates only; the page's few rows are joined to their texts afterwards.
  hits: db.prepare(
    `WITH ranked AS (
       SELECT d.id, d.url, d.title, d.section, d.date, bm25(words, ${WEIGHTS}) AS score
       FROM words JOIN docs d ON d.id = words.rowid
       WHERE words MATCH ? ORDER BY score, d.date DESC LIMIT ? OFFSET ?)
     SELECT ranked.url, ranked.title, ranked.section, ranked.date, t.text
     FROM ranked JOIN texts t ON t.id = ranked.id ORDER BY ranked.score, ranked.date DESC`,
  ),
})
type Statements = ReturnType<typeof prepare>

/** Whoever made the document, no byline line (发布时间：… 撰稿：…) reaches an excerpt. */
const cleaned = (doc: SearchDoc): SearchDoc => ({ ...doc, text: cleanText(doc.text) })
const wordsOf = (doc: SearchDoc): DocWords => [indexWords(doc.title), indexWords(doc.section), indexWords(doc.tags.join(' ')), indexWords(doc.text)]

function write(s: Statements, doc: SearchDoc, words: DocWords) {
  const row = s.find.get(doc.key) as { id: number } | undefined
  let id: number
  if (row) {
    id = row.id
    s.deleteWords.run(id)
    s.updateDoc.run(doc.url, doc.title, doc.section, doc.date ?? null, id)
  } else {
    id = Number(s.insertDoc.run(doc.key, doc.url, doc.title, doc.section, doc.date ?? null).lastInsertRowid)
  }
  s.putText.run(id, doc.text)
  s.insertWords.run(id, ...words)
}

const transaction = <T>(db: DatabaseSync, work: () => T): T => {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
}

/** A new generation's file name beside the index's name: search.sqlite → search.sqlite.<time>-<pid>. */
const generationName = (file: string) => `${path.basename(file)}.${Date.now().toString(36)}-${process.pid}`

/** Writes every document into a new generation file; returns its path. */
async function buildGeneration(file: string, docs: Iterable<SearchDoc>, threads: number): Promise<string> {
  const generation = path.join(path.dirname(file), generationName(file))
  const db = new DatabaseSync(generation)
  try {
    // A file nobody reads until it is finished: no journal, no syncs; a failed build is deleted.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF')
    db.exec(SCHEMA)
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
    // No merging while loading: the words go out as one segment at the end.
    db.exec(`INSERT INTO words (words, rank) VALUES ('automerge', 0); INSERT INTO words (words, rank) VALUES ('hashsize', ${REBUILD_HASH_BYTES})`)
    const s = prepare(db)
    db.exec('BEGIN')
    for await (const batch of segmentAll(Array.isArray(docs) ? docs.map(cleaned) : mapped(docs, cleaned), threads)) {
      for (const { doc, words } of batch) write(s, doc, words)
    }
    db.exec('COMMIT')
    db.exec("INSERT INTO words (words) VALUES ('optimize'); INSERT INTO words (words, rank) VALUES ('automerge', 4)")
    db.exec('PRAGMA journal_mode = WAL')
    db.close()
    return generation
  } catch (error) {
    if (db.isOpen) db.close()
    fs.rmSync(generation, { force: true })
    throw error
  }
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item)
}

/** Points the index's name at `generation` (one rename), then deletes older generations and their -wal/-shm. */
function swapIn(file: string, generation: string) {
  const link = `${file}.link-${process.pid}`
  fs.rmSync(link, { force: true })
  fs.symlinkSync(path.basename(generation), link)
  fs.renameSync(link, file)
  const base = path.basename(file)
  const current = path.basename(generation)
  for (const name of fs.readdirSync(path.dirname(file))) {
    if (!name.startsWith(base) || name === base || name.startsWith(current)) continue
    // Only what this module makes: old generations, their -wal/-shm/-journal, and those of a plain file of old.
    if (/^\.[0-9a-z]+-\d+(-wal|-shm|-journal)?$|^-(wal|shm|journal)$/.test(name.slice(base.length))) fs.rmSync(path.join(path.dirname(file), name), { force: true })
  }
}

export function openSearchIndex(given: string, { readOnly = false } = {}): SearchIndex {
  const file = path.resolve(given)
  if (!readOnly) fs.mkdirSync(path.dirname(file), { recursive: true })
  let db = readOnly ? new DatabaseSync(file, { readOnly, timeout: 5000 }) : openWriter(file)
  let statements: Statements | undefined
  const sql = () => (statements ??= prepare(db))

  return {
    upsert: (doc) => {
      const clean = cleaned(doc)
      const words = wordsOf(clean)
      transaction(db, () => write(sql(), clean, words))
    },
    remove: (key) =>
      transaction(db, () => {
        const s = sql()
        const row = s.find.get(key) as { id: number } | undefined
        if (!row) return
        s.deleteWords.run(row.id)
        s.deleteText.run(row.id)
        s.deleteDoc.run(row.id)
      }),
    rebuild: async (docs, { threads, swapWhen }: RebuildOptions = {}) => {
      if (readOnly) throw new Error('search index opened read-only')
      const generation = await buildGeneration(file, docs, threads ?? segmenterThreads(Array.isArray(docs) ? docs.length : 0))
      if (swapWhen && !(await swapWhen.catch(() => false))) {
        fs.rmSync(generation, { force: true })
        return
      }
      db.close()
      statements = undefined
      swapIn(file, generation)
      db = openWriter(file)
    },
    query: (q, { page = 1, perPage = PER_PAGE } = {}) => {
      const match = matchExpression(q)
      if (!match) return { total: 0, hits: [] }
      const words = queryWords(q)
      const s = sql()
      const offset = (Math.min(Math.max(1, Math.floor(page)), MAX_PAGE) - 1) * perPage
      // One read transaction: the count and the page come from the same version of the index.
      db.exec('BEGIN')
      try {
        const total = Number((s.count.get(match) as { n: number }).n)
        const rows = s.hits.all(match, perPage, offset) as { url: string; title: string; section: string; date: string | null; text: string }[]
        const hits: SearchHit[] = rows.map((row) => ({
          url: row.url,
          title: row.title,
          section: row.section,
          ...(row.date ? { date: row.date } : {}),
          excerpt: excerpt(row.text, words),
        }))
        return { total, hits }
      } finally {
        db.exec('COMMIT')
      }
    },
    close: () => db.close(),
  }
}
