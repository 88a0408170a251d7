// The SQLite client behind our Payload adapter: @libsql/client's pooled local client (a
// transaction borrows one connection and gives it back when it ends), with every write made in
// this process queued behind one lock per database file.
//
// Why the queue: a request's transaction holds SQLite's write lock (BEGIN IMMEDIATE) while its
// hooks run, across awaits. A write from another request on another pooled connection would find
// the lock taken, and SQLite's busy timeout waits synchronously — on the very event loop the
// holder needs in order to finish — so it could only time out with SQLITE_BUSY. Here that write
// waits, asynchronously, for the transaction to end. Reads never wait: in WAL mode a reader sees
// the last commit while a writer works. Another process on the same file is SQLite's own matter:
// every pooled connection waits up to `busyTimeoutMs` for it.
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
    private readonly inner: Client,
    private readonly lock: Mutex,
    private readonly waitMs: number,
  ) {}

  /** Waits for the file's write lock; SQLITE_BUSY (in Chinese) after `writeWaitMs`. */
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
    const run = () => (typeof stmt === 'string' ? this.inner.execute(stmt, args) : this.inner.execute(stmt))
    return onlyReads(sqlOf(stmt)) ? run() : this.queued(run)
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    const run = () => this.inner.batch(stmts, mode)
    return mode === 'read' || stmts.every((stmt) => onlyReads(sqlOf(stmt))) ? run() : this.queued(run)
  }
  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.queued(() => this.inner.migrate(stmts))
  }
  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    if (mode === 'read') return this.inner.transaction(mode)
    // A deferred transaction may write later: it queues like a write one.
    const unlock = await this.acquire()
    try {
      return new QueuedTransaction(await this.inner.transaction(mode), unlock)
    } catch (error) {
      unlock()
      throw error
    }
  }
  executeMultiple(sql: string): Promise<void> {
    return this.queued(() => this.inner.executeMultiple(sql))
  }
  sync() {
    return this.inner.sync()
  }
  close(): void {
    this.inner.close()
  }
  reconnect(): void {
    this.inner.reconnect()
  }
  get closed(): boolean {
    return this.inner.closed
  }
  get protocol(): string {
    return this.inner.protocol
  }
}

/** A pooled local client whose writes queue behind this process's other writes to the same file. */
export function createQueuedSqliteClient(config: Config, options: { writeWaitMs?: number } = {}): Client {
  const inner = createClient({ timeout: busyTimeoutMs, ...config })
  return new QueuedSqliteClient(inner, writeLockFor(config.url), options.writeWaitMs ?? writeWaitMs)
}
