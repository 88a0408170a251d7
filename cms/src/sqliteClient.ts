// The SQLite client behind our Payload adapter: one writer connection and a pool of readers
// (@libsql/client 0.18: a transaction borrows a connection and gives it back when it ends), with
// every write made in this process queued behind one lock per database file.
//
// Why the queue: a request's transaction holds SQLite's write lock (BEGIN IMMEDIATE) while its
// hooks run, across awaits. A write from another request on another connection would find the
// lock taken, and SQLite's busy timeout waits synchronously — on the very event loop the holder
// needs in order to finish — so it could only time out with SQLITE_BUSY. Here that write waits,
// asynchronously, for the transaction to end. Reads never wait: in WAL mode a reader sees the last
// commit while a writer works. Another process on the same file is SQLite's own matter: every
// connection waits up to `busyTimeoutMs` for it.
//
// Why one writer connection: per-connection settings (PRAGMA synchronous = FULL, set by the
// adapter at connect; a bench's synchronous = OFF) then hold for every write, as they did when
// the client had a single connection. The queue already lets only one write run at a time.
import path from 'node:path'

import { type Client, type Config, createClient, type InArgs, type InStatement, LibsqlError, type ResultSet, type Transaction, type TransactionMode } from '@libsql/client'
import { type MutexInterface, Mutex, withTimeout } from 'async-mutex'

/** How long a write waits for this process's other writes (a long bulk save) before giving up. */
export const writeWaitMs = 30_000
/** How long a statement waits for another process's write lock (SQLite busy timeout). */
export const busyTimeoutMs = 5_000

const busy = (waitMs: number) =>
  new LibsqlError(`数据库正忙：等待其他保存完成已超过 ${waitMs / 1000} 秒，本次保存没有写入，请稍后重试。`, 'SQLITE_BUSY')

const locksKey = Symbol.for('liushan.sqliteWriteLocks')
const registry = globalThis as { [locksKey]?: Map<string, Mutex> }

/**
 * One lock per database file for the whole process, shared by every client on it (two Payload
 * instances in one process, module copies in a Next.js bundle): two clients on one file with
 * locks of their own would block each other just as two connections do.
 */
function writeLockFor(url: string): Mutex {
  const file = path.resolve(url.replace(/^file:(\/\/)?/, '').replace(/\?.*$/, ''))
  const locks = (registry[locksKey] ??= new Map())
  let lock = locks.get(file)
  if (!lock) locks.set(file, (lock = new Mutex()))
  return lock
}

/** Statements that only read, and need not queue (the rest, including `WITH … INSERT`, do). */
export function onlyReads(sql: string): boolean {
  const start = sql.trimStart()
  if (/^(select|explain|values)\b/i.test(start)) return true
  // VACUUM INTO (backups) reads inside one read transaction; it need not hold up writers.
  if (/^vacuum\b(\s+\S+)?\s+into\b/i.test(start)) return true
  return /^with\b/i.test(start) && !/\b(insert|update|delete|replace)\b/i.test(start)
}

const sqlOf = (stmt: InStatement | [string, InArgs?]) => (typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql)

/** A transaction that gives this process's write lock back, once, however it ends. */
class QueuedTransaction implements Transaction {
  constructor(
    private readonly inner: Transaction,
    private readonly unlock: MutexInterface.Releaser,
  ) {}

  execute(stmt: InStatement): Promise<ResultSet> {
    return this.inner.execute(stmt)
  }
  batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.inner.batch(stmts)
  }
  executeMultiple(sql: string): Promise<void> {
    return this.inner.executeMultiple(sql)
  }
  async commit(): Promise<void> {
    try {
      await this.inner.commit()
    } finally {
      this.unlock()
    }
  }
  async rollback(): Promise<void> {
    try {
      await this.inner.rollback()
    } finally {
      this.unlock()
    }
  }
  close(): void {
    try {
      this.inner.close()
    } finally {
      this.unlock()
    }
  }
  get closed(): boolean {
    return this.inner.closed
  }
}

class QueuedSqliteClient implements Client {
  constructor(
    private readonly writer: Client,
    private readonly reader: Client,
    private readonly lock: Mutex,
    private readonly waitMs: number,
  ) {}

  /** Waits for the file's write lock; SQLITE_BUSY (in Chinese) after `waitMs`. */
  private acquire(): Promise<MutexInterface.Releaser> {
    return withTimeout(this.lock, this.waitMs, busy(this.waitMs)).acquire()
  }

  private async queued<T>(write: () => Promise<T>): Promise<T> {
    const unlock = await this.acquire()
    try {
      return await write()
    } finally {
      unlock()
    }
  }

  execute(stmt: InStatement): Promise<ResultSet>
  execute(sql: string, args?: InArgs): Promise<ResultSet>
  execute(stmt: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const run = (client: Client) => (typeof stmt === 'string' ? client.execute(stmt, args) : client.execute(stmt))
    if (onlyReads(sqlOf(stmt))) return run(this.reader)
    if (!/^\s*analyze\b/i.test(sqlOf(stmt))) return this.queued(() => run(this.writer))
    return this.queued(async () => {
      const result = await run(this.writer)
      // A connection loads planner statistics once, with the schema: the readers open afresh
      // to plan with the new ones (plannerStats.ts runs ANALYZE at start and once a day).
      this.reader.reconnect()
      return result
    })
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    if (mode === 'read' || stmts.every((stmt) => onlyReads(sqlOf(stmt)))) return this.reader.batch(stmts, mode)
    return this.queued(() => this.writer.batch(stmts, mode))
  }
  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.queued(() => this.writer.migrate(stmts))
  }
  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    if (mode === 'read') return this.reader.transaction(mode)
    // A deferred transaction may write later: it queues like a write one.
    const unlock = await this.acquire()
    try {
      return new QueuedTransaction(await this.writer.transaction(mode), unlock)
    } catch (error) {
      unlock()
      throw error
    }
  }
  executeMultiple(sql: string): Promise<void> {
    return this.queued(() => this.writer.executeMultiple(sql))
  }
  sync() {
    return this.writer.sync()
  }
  close(): void {
    this.writer.close()
    this.reader.close()
  }
  reconnect(): void {
    this.writer.reconnect()
    this.reader.reconnect()
  }
  get closed(): boolean {
    return this.writer.closed
  }
  get protocol(): string {
    return this.writer.protocol
  }
}

/**
 * A local client whose writes go through one connection, queued behind this process's other
 * writes to the same file; reads use a pool of their own. Other URLs (a libsql server, an
 * in-memory database, which exists on one connection only) get the plain client.
 */
export function createQueuedSqliteClient(config: Config, options: { writeWaitMs?: number } = {}): Client {
  if (!config.url.startsWith('file:') || config.url.includes(':memory:')) return createClient(config)
  const writer = createClient({ timeout: busyTimeoutMs, ...config, concurrency: 1 })
  const reader = createClient({ timeout: busyTimeoutMs, ...config })
  return new QueuedSqliteClient(writer, reader, writeLockFor(config.url), options.writeWaitMs ?? writeWaitMs)
}
