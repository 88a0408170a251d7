// The queued SQLite client on real database files: writes wait for an open transaction (in this
// process: the queue; in another process: the busy timeout) instead of failing, reads do not wait,
// and a write that waits too long is refused with a clear message.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Client } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createQueuedSqliteClient, onlyReads } from './sqliteClient'

let dir: string
let url: string
const clients: Client[] = []
const open = (options?: { writeWaitMs?: number }) => {
  const client = createQueuedSqliteClient({ url }, options)
  clients.push(client)
  return client
}
const rows = async (client: Client) => (await client.execute('SELECT who FROM t ORDER BY rowid')).rows.map((row) => row.who)

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-sqlite-client-'))
  url = `file:${path.join(dir, 'test.db')}`
  const client = open()
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('CREATE TABLE t (who TEXT)')
})
afterEach(() => {
  for (const client of clients.splice(0)) client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('in one process', () => {
  it('a write waits for another client’s open transaction on the same file; a read does not', async () => {
    const [a, b] = [open(), open()]
    const tx = await a.transaction('write')
    await tx.execute("INSERT INTO t VALUES ('in transaction')")
    let written = false
    const write = b.execute("INSERT INTO t VALUES ('outside')").then(() => (written = true))
    // The read sees the last commit (WAL), at once, while the write is still queued.
    expect(await rows(b)).toEqual([])
    expect(written).toBe(false)
    await tx.commit()
    await write
    expect(await rows(b)).toEqual(['in transaction', 'outside'])
  })

  it('a rolled-back or closed transaction lets the queue go on', async () => {
    const client = open()
    const first = await client.transaction('write')
    await first.execute("INSERT INTO t VALUES ('rolled back')")
    const second = client.transaction('write')
    await first.rollback()
    const next = await second
    next.close()
    await client.execute("INSERT INTO t VALUES ('after')")
    expect(await rows(client)).toEqual(['after'])
  })

  it('a write that cannot get its turn is refused with SQLITE_BUSY and a Chinese message, writing nothing', async () => {
    const holder = await open().transaction('write')
    const impatient = open({ writeWaitMs: 50 })
    await expect(impatient.execute("INSERT INTO t VALUES ('never')")).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
      message: expect.stringContaining('数据库正忙'),
    })
    await holder.rollback()
    expect(await rows(impatient)).toEqual([])
  })
})

describe('across processes', () => {
  it('a write waits (busy timeout) while another process holds the write lock', async () => {
    // The other process takes the write lock, says so, and commits a moment later.
    const script = `
      import { createClient } from '@libsql/client'
      const client = createClient({ url: process.env.DB_URL })
      const tx = await client.transaction('write')
      await tx.execute("INSERT INTO t VALUES ('other process')")
      process.stdout.write('locked\\n')
      await new Promise((resolve) => setTimeout(resolve, 300))
      await tx.commit()
      client.close()`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, DB_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
      child.on('exit', () => reject(new Error('the other process ended before taking the lock')))
    })
    const client = open()
    await client.execute("INSERT INTO t VALUES ('this process')")
    expect(await exited).toBe(0)
    expect(await rows(client)).toEqual(['other process', 'this process'])
  })
})

describe('which statements queue', () => {
  it('reads go straight through; anything that may write queues', () => {
    for (const sql of ['SELECT 1', '  select * from news', 'EXPLAIN QUERY PLAN SELECT 1', 'VACUUM INTO ?', 'WITH x AS (SELECT 1) SELECT * FROM x'])
      expect(onlyReads(sql), sql).toBe(true)
    for (const sql of ['INSERT INTO t VALUES (1)', 'update t set who = 1', 'DELETE FROM t', 'PRAGMA journal_mode = WAL', 'VACUUM', 'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'CREATE TABLE u (x)'])
      expect(onlyReads(sql), sql).toBe(false)
  })
})
