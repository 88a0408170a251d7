// The site's search index: one SQLite file (node:sqlite, FTS5). Text is cut into words by jieba
// before it reaches FTS5, whose unicode61 tokenizer then only splits at the spaces we put in.
// One writer (the renderer), any number of readers (the server's /search/ page): WAL mode, every
// write one transaction, every query one read transaction, so a reader sees the index before a
// write or after it, never half of it.
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'

import { excerpt } from './excerpt'
import { cleanText } from './searchDoc'
import { indexWords, queryWords } from './segment'
import type { SearchDoc, SearchHit, SearchIndex } from './types'

/** Bumped when the layout below changes: an index of another version is rebuilt from scratch. */
const SCHEMA_VERSION = 1
/** bm25 weights of the indexed columns (title, section, tags, body): a title or 栏目 match ranks first. */
const WEIGHTS = '10.0, 6.0, 6.0, 1.0'
export const PER_PAGE = 10
/** Reading pages past this many results is not offered. */
const MAX_PAGE = 100

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    section TEXT NOT NULL,
    date TEXT,
    text TEXT NOT NULL
  );
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

export function openSearchIndex(file: string, { readOnly = false } = {}): SearchIndex {
  if (!readOnly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new DatabaseSync(file, { readOnly, timeout: 5000 })
  if (!readOnly) {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL')
    const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)
    if (version !== SCHEMA_VERSION) {
      db.exec('DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS words')
      db.exec(SCHEMA)
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
    }
  }

  let statements: Record<string, StatementSync> | undefined
  const sql = () =>
    (statements ??= {
      find: db.prepare('SELECT id FROM docs WHERE key = ?'),
      insertDoc: db.prepare('INSERT INTO docs (key, url, title, section, date, text) VALUES (?, ?, ?, ?, ?, ?) RETURNING id'),
      updateDoc: db.prepare('UPDATE docs SET url = ?, title = ?, section = ?, date = ?, text = ? WHERE id = ?'),
      deleteDoc: db.prepare('DELETE FROM docs WHERE id = ?'),
      insertWords: db.prepare('INSERT INTO words (rowid, title, section, tags, body) VALUES (?, ?, ?, ?, ?)'),
      deleteWords: db.prepare('DELETE FROM words WHERE rowid = ?'),
      count: db.prepare('SELECT count(*) AS n FROM words WHERE words MATCH ?'),
      hits: db.prepare(
        `SELECT d.url, d.title, d.section, d.date, d.text FROM words JOIN docs d ON d.id = words.rowid
         WHERE words MATCH ? ORDER BY bm25(words, ${WEIGHTS}), d.date DESC LIMIT ? OFFSET ?`,
      ),
    })

  const transaction = <T>(work: () => T): T => {
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

  const write = (given: SearchDoc) => {
    // Whoever made the document, no byline line (发布时间：… 撰稿：…) reaches an excerpt.
    const doc = { ...given, text: cleanText(given.text) }
    const s = sql()
    const row = s.find.get(doc.key) as { id: number } | undefined
    let id: number
    if (row) {
      id = row.id
      s.deleteWords.run(id)
      s.updateDoc.run(doc.url, doc.title, doc.section, doc.date ?? null, doc.text, id)
    } else {
      id = Number((s.insertDoc.get(doc.key, doc.url, doc.title, doc.section, doc.date ?? null, doc.text) as { id: number }).id)
    }
    s.insertWords.run(id, indexWords(doc.title), indexWords(doc.section), indexWords(doc.tags.join(' ')), indexWords(doc.text))
  }

  return {
    upsert: (doc) => transaction(() => write(doc)),
    remove: (key) =>
      transaction(() => {
        const s = sql()
        const row = s.find.get(key) as { id: number } | undefined
        if (!row) return
        s.deleteWords.run(row.id)
        s.deleteDoc.run(row.id)
      }),
    rebuild: (docs) => {
      transaction(() => {
        db.exec("DELETE FROM docs; INSERT INTO words (words) VALUES ('delete-all')")
        for (const doc of docs) write(doc)
      })
      db.exec("INSERT INTO words (words) VALUES ('optimize')")
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
