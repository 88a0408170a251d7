import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

/**
 * Lets SQLite run Payload's transactions without failing concurrent writes.
 *
 * @libsql/client's local transaction is BEGIN IMMEDIATE on the client's connection, after which
 * the client opens a new connection for everything else. The write lock is held across the
 * save's async hooks, and a write from another request on another connection cannot wait for it
 * (a busy wait would block the very thread that has to finish the transaction), so it fails with
 * SQLITE_BUSY. Here, in each process, one writer at a time goes ahead: a transaction from its
 * BEGIN to its COMMIT or ROLLBACK, a statement outside any transaction for that statement.
 * Reads never wait (WAL). busy_timeout, which the client sets on its first connection only, is
 * set on each new one, for writers in other processes (a script beside the server).
 */

/** How long a writer waits for its turn before giving up with an error rather than hanging. */
const WAIT_MS = 30_000

type Release = () => void

class WriteGate {
  private tail: Promise<void> = Promise.resolve()

  /** Resolves with a release function when every writer ahead has released. */
  acquire(what: string): Promise<Release> {
    let release!: Release
    const done = new Promise<void>((resolve) => (release = resolve))
    const ahead = this.tail
    this.tail = ahead.then(() => done)
    return new Promise((resolve, reject) => {
      let gaveUp = false
      const timer = setTimeout(() => {
        gaveUp = true
        reject(new Error(`数据库写入等待超过 ${WAIT_MS / 1000} 秒（${what}）：另一项写入一直没有结束。`))
      }, WAIT_MS)
      void ahead.then(() => {
        clearTimeout(timer)
        if (gaveUp) release()
        else resolve(once(release))
      })
    })
  }
}

const once = (fn: () => void) => {
  let called = false
  return () => {
    if (!called) (called = true), fn()
  }
}

// One gate per database file and process: two Payload instances on one file share it.
const gatesKey = Symbol.for('liushan.sqliteWriteGates')
const gates = ((globalThis as Record<symbol, unknown>)[gatesKey] ??= new Map<string, WriteGate>()) as Map<string, WriteGate>
const gateFor = (url: string) => gates.get(url) ?? gates.set(url, new WriteGate()).get(url)!

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter|analyze|reindex|begin|savepoint)\b/i

type Client = SQLiteAdapter['client']
type Statement = Parameters<Client['execute']>[0]
const sqlOf = (statement: Statement): string => (typeof statement === 'string' ? statement : statement.sql)

function gateClient(client: Client, gate: WriteGate, busyTimeoutMs: number): void {
  const execute = client.execute.bind(client) as (statement: Statement, args?: unknown) => ReturnType<Client['execute']>
  const gated = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const release = await gate.acquire(what)
    try {
      return await run()
    } finally {
      release()
    }
  }
  client.execute = ((statement: Statement, args?: unknown) =>
    WRITE.test(sqlOf(statement)) ? gated(sqlOf(statement).slice(0, 40), () => execute(statement, args)) : execute(statement, args)) as Client['execute']
  const batch = client.batch.bind(client)
  client.batch = ((...args: Parameters<Client['batch']>) => gated('batch', () => batch(...args))) as Client['batch']
  const migrate = client.migrate.bind(client)
  client.migrate = ((...args: Parameters<Client['migrate']>) => gated('migrate', () => migrate(...args))) as Client['migrate']
  const executeMultiple = client.executeMultiple.bind(client)
  client.executeMultiple = ((sql: string) => gated('executeMultiple', () => executeMultiple(sql))) as Client['executeMultiple']
  // Called inside beginTransaction, which holds the gate. The transaction keeps the client's
  // connection and the client's next statement opens a new one: give it the busy timeout and the
  // synchronous setting of the one it replaces (FULL, or what a script set, see bench/live.ts).
  const transaction = client.transaction.bind(client)
  client.transaction = (async (...args: Parameters<Client['transaction']>) => {
    const tx = await transaction(...args)
    const { rows } = await tx.execute('PRAGMA synchronous')
    await execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    await execute(`PRAGMA synchronous = ${Number(Object.values(rows[0] ?? {})[0] ?? 2)}`)
    return tx
  }) as Client['transaction']
}

/** The adapter with its transactions and its writes outside them taken one at a time. */
export function withWriteGate(adapterObj: DatabaseAdapterObj, url: string, busyTimeoutMs: number): DatabaseAdapterObj {
  const gate = gateFor(url)
  const init = adapterObj.init
  adapterObj.init = (args) => {
    const adapter = init(args) as unknown as SQLiteAdapter
    const held = new Map<number | string, Release>()
    const begin = adapter.beginTransaction.bind(adapter)
    adapter.beginTransaction = async (options) => {
      const release = await gate.acquire('transaction')
      try {
        const id = await begin(options)
        if (id === null) release()
        else held.set(id, release)
        return id
      } catch (error) {
        release()
        throw error
      }
    }
    for (const end of ['commitTransaction', 'rollbackTransaction'] as const) {
      const original = adapter[end].bind(adapter)
      adapter[end] = async (incoming) => {
        const id = await incoming
        try {
          await original(id)
        } finally {
          held.get(id)?.()
          held.delete(id)
        }
      }
    }
    const connect = adapter.connect!.bind(adapter)
    adapter.connect = async (options) => {
      const fresh = !adapter.client
      await connect(options)
      if (fresh && adapter.client) gateClient(adapter.client, gate, busyTimeoutMs)
    }
    return adapter as never
  }
  return adapterObj
}
