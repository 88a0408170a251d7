// The backup and restore commands as the operator runs them: separate processes, beside a CMS
// (here the test's own Payload) that keeps the same database open and writing.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBackup } from '../src/backup/createBackup'
import { listArchives, partialPrefix } from '../src/backup/store'
import { createDoc } from '../src/testing/fixtures'
import { startTestPayload, type TestPayload } from '../src/testing/testPayload'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const payloadBin = path.resolve(cmsDir, '../node_modules/.bin/payload')

let t: TestPayload
let env: NodeJS.ProcessEnv
let backupDir: string

type Run = { code: number | null; signal: NodeJS.Signals | null; out: string }

/** `npm run backup` / `npm run restore` without npm's own output: the same `payload run` command. */
function command(script: 'backup' | 'restore', args: string[], extraEnv: NodeJS.ProcessEnv = {}, onOutput?: (out: string, kill: () => void) => void) {
  return new Promise<Run>((resolve) => {
    const child = spawn(payloadBin, ['run', `scripts/${script}.ts`, '--', ...args], { cwd: cmsDir, env: { ...env, ...extraEnv }, detached: true })
    let out = ''
    const kill = () => process.kill(-child.pid!, 'SIGKILL')
    const take = (chunk: Buffer) => {
      out += chunk.toString()
      onOutput?.(out, kill)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('exit', (code, signal) => resolve({ code, signal, out }))
  })
}

async function integrity(dbFile: string) {
  const client = createClient({ url: `file:${dbFile}` })
  try {
    return (await client.execute('PRAGMA integrity_check')).rows[0].integrity_check
  } finally {
    client.close()
  }
}

beforeAll(async () => {
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-backups-'))
  process.env.BACKUP_DIR = backupDir
  t = await startTestPayload()
  for (let i = 0; i < 10; i++) await createDoc(t.payload, 'news', `cli-${i}`, { status: 'published' })
  await createDoc(t.payload, 'media', 'cli-photo')
  // A large, incompressible file, so the backup is still packing when it is killed.
  const big = fs.openSync(path.join(process.env.MEDIA_DIR!, 'large-scan.bin'), 'w')
  for (let i = 0; i < 32; i++) fs.writeSync(big, crypto.randomBytes(1024 * 1024))
  fs.closeSync(big)
  // Port 9 (discard) refuses connections: no CMS "answers", whatever else runs on this machine.
  env = { ...process.env, BACKUP_DIR: backupDir, CMS_URL: 'http://127.0.0.1:9', INIT_CWD: cmsDir }
})

afterAll(async () => {
  await t?.close()
  fs.rmSync(backupDir, { recursive: true, force: true })
})

describe('npm run backup / restore', () => {
  it('a backup killed midway leaves nothing under a final name, and the CMS unharmed', async () => {
    const dbFile = process.env.DATABASE_URL!.slice('file:'.length)
    let watching: NodeJS.Timeout | undefined
    const killed = await command('backup', [], {}, (out, kill) => {
      // Packing has begun: kill as soon as the unfinished archive has some bytes in it.
      if (!out.includes('4/4') || watching) return
      watching = setInterval(() => {
        const partial = fs.readdirSync(backupDir).find((n) => n.startsWith(partialPrefix) && n.endsWith('.tar.gz'))
        if (partial && fs.statSync(path.join(backupDir, partial)).size > 0) {
          clearInterval(watching)
          kill()
        }
      }, 5)
    })
    clearInterval(watching)
    expect(killed.signal).toBe('SIGKILL')
    expect(listArchives(backupDir)).toEqual([])
    expect(fs.readdirSync(backupDir).some((n) => n.startsWith(partialPrefix))).toBe(true)
    // The running CMS goes on reading and writing; the database is intact.
    await createDoc(t.payload, 'news', 'after-kill', { status: 'published' })
    expect((await t.payload.count({ collection: 'news' })).totalDocs).toBe(11)
    expect(await integrity(dbFile)).toBe('ok')
  })

  it('the next backup clears the remains, writes one archive, and --verify restores and checks it', async () => {
    // In-process (the same code the command runs), to keep the test short.
    const cleared: string[] = []
    await createBackup(t.payload, { dir: backupDir, progress: (m) => cleared.push(m) })
    expect(cleared.join('\n')).toContain('清理上次中断的备份残留')
    const [archive] = listArchives(backupDir)
    expect(archive).toBeDefined()
    expect(fs.readdirSync(backupDir).filter((n) => n.startsWith('.'))).toEqual([])

    const verified = await command('backup', ['--verify', archive.file])
    expect(verified.code, verified.out).toBe(0)
    expect(verified.out).toMatch(/校验通过.*news 11/)
  })

  it('restores into an empty folder', async () => {
    const [archive] = listArchives(backupDir)
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-restore-'))
    try {
      const targetEnv = { DATABASE_URL: `file:${path.join(target, 'liushan.db')}`, MEDIA_DIR: path.join(target, 'media') }
      const restored = await command('restore', [archive.file], targetEnv)
      expect(restored.code, restored.out).toBe(0)
      expect(restored.out).toContain('下次运行 npm start 时')
      expect(fs.readFileSync(path.join(target, 'media/large-scan.bin')).equals(fs.readFileSync(path.join(process.env.MEDIA_DIR!, 'large-scan.bin')))).toBe(true)
      const client = createClient({ url: `file:${path.join(target, 'liushan.db')}` })
      expect((await client.execute('SELECT count(*) AS n FROM news')).rows[0].n).toBe(11)
      client.close()
    } finally {
      fs.rmSync(target, { recursive: true, force: true })
    }
  })
})
