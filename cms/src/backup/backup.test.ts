// Backups against a real Payload on a real SQLite database, with real uploads and the real jobs runner.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { _internal_jobSystemGlobals, type Payload, type SanitizedConfig } from 'payload'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '../database'
import { createDoc, createStaff, type Staff, tinyPng } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { createBackup, listFiles } from './createBackup'
import { BackupError } from './errors'
import { sha256File, sha256Text } from './hash'
import { databaseEntry, type Manifest } from './manifest'
import { restoreArchive } from './restore'
import { applyRetention } from './retention'
import { backupSettings } from './settings'
import { readBackupStatus } from './status'
import { archiveName, listArchives } from './store'
import { verifyArchive } from './verify'

let t: TestPayload
let payload: Payload
let staff: Staff
let backupDir: string
const codeMigrations = migrations.map((m) => m.name)

async function signoff(docId: number, comment: string) {
  return payload.create({
    collection: 'signoffs',
    overrideAccess: true,
    data: { docCollection: 'news', docId: String(docId), docTitle: comment, action: 'submit', fromState: 'draft', toState: 'submitted', actor: staff.editor.id, comment },
  } as never)
}

/** Every file below a folder with its SHA-256: "nothing changed" means this is the same before and after. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of listFiles(dir)) out[f] = await sha256File(path.join(dir, f))
  return out
}

beforeAll(async () => {
  // Never the repository's backups/ folder, whatever reads the setting and when.
  process.env.BACKUP_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-backups-'))
  t = await startTestPayload()
  payload = t.payload
  backupDir = process.env.BACKUP_DIR
  staff = await createStaff(payload)
  for (let i = 0; i < 5; i++) await createDoc(payload, 'media', `photo-${i}`)
  const page = await tinyPng()
  await payload.create({ collection: 'proofs', data: { description: '报纸版面' }, file: { data: page, mimetype: 'image/png', name: 'page.png', size: page.length } })
})

afterAll(async () => {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date()
  await t?.close()
  fs.rmSync(backupDir, { recursive: true, force: true })
})

describe('backup while the CMS writes, then restore into an empty folder', () => {
  let manifest: Manifest
  let archive: string
  const before: number[] = []

  it('takes a consistent snapshot while ~100 writes run', async () => {
    for (let i = 0; i < 20; i++) {
      const news = await createDoc(payload, 'news', `before-${i}`, { status: 'published' })
      before.push(news.id)
      await signoff(news.id, `before-${i}`)
    }
    // 100 writes of every kind (documents, versions, 审签 rows, uploads) racing the backup.
    const writes = Array.from({ length: 100 }, async (_, i) => {
      const kind = i % 4
      if (kind === 0) return createDoc(payload, 'news', `during-${i}`, { status: 'published' })
      if (kind === 1) return payload.update({ collection: 'news', id: before[i % before.length], data: { title: `改过的标题 ${i}` } })
      if (kind === 2) return signoff(before[i % before.length], `during-${i}`)
      return createDoc(payload, 'media', `during-${i}`)
    })
    const result = await createBackup(payload, { dir: backupDir })
    const outcomes = await Promise.allSettled(writes)
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([])

    manifest = result.manifest
    archive = result.file
    expect(path.basename(archive)).toMatch(/^liushan-backup-\d{8}-\d{6}\.tar\.gz$/)
    expect(manifest.migrations).toEqual(codeMigrations)
    expect(manifest.collections.news.documents).toBeGreaterThanOrEqual(20)
    expect(manifest.collections.news.versions).toBeGreaterThan(manifest.collections.news.documents - 1)
    expect(manifest.collections.signoffs.documents).toBeGreaterThanOrEqual(20)
    expect(manifest.collections.users.documents).toBe(5)
    expect(manifest.files.some((f) => f.path === 'media/proofs/page.png')).toBe(true)
    expect(manifest.missingFiles).toEqual([])
    // Nothing but finished archives (and the status file) is left in the folder.
    expect(fs.readdirSync(backupDir).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('restores every document, version, 审签 row, user and file the manifest describes', async () => {
    const target = path.join(t.dir, 'empty-restore')
    const dbFile = path.join(target, 'liushan.db')
    const mediaDir = path.join(target, 'media')
    const { movedAside } = await restoreArchive(archive, { dbFile, mediaDir }, { codeMigrations })
    expect(movedAside).toEqual([])

    const restored = createClient({ url: `file:${dbFile}` })
    try {
      const ids = async (table: string) => (await restored.execute(`SELECT id FROM "${table}" ORDER BY id`)).rows.map((r) => String(r.id))
      for (const [slug, table] of [['news', 'news'], ['signoffs', 'signoffs'], ['users', 'users'], ['media', 'media'], ['proofs', 'proofs']]) {
        const found = await ids(table)
        expect(found.length, slug).toBe(manifest.collections[slug].documents)
        expect(sha256Text(found.join('\n')), slug).toBe(manifest.collections[slug].idsSha256)
      }
      expect((await ids('_news_v')).length).toBe(manifest.collections.news.versions)
      // Everything written before the backup started is in it.
      expect((await ids('news')).map(Number)).toEqual(expect.arrayContaining(before))
      // Every upload a document names is restored, byte for byte as the manifest says.
      const files = await fingerprint(mediaDir)
      const expected = Object.fromEntries(manifest.files.filter((f) => f.path.startsWith('media/')).map((f) => [f.path.slice('media/'.length), f.sha256]))
      expect(files).toEqual(expected)
      const names = (await restored.execute('SELECT filename FROM media UNION ALL SELECT \'proofs/\' || filename FROM proofs')).rows.map((r) => String(r.filename))
      for (const name of names) expect(files[name], name).toBeDefined()
    } finally {
      restored.close()
    }
    expect(await sha256File(dbFile)).toBe(manifest.files.find((f) => f.path === databaseEntry)!.sha256)
  })

  it('verifies the archive by starting Payload on a temporary restore', async () => {
    const { checked } = await verifyArchive(archive, { config: t.config, migrations })
    expect(checked.join(' ')).toContain(`news ${manifest.collections.news.documents}`)
  })

  describe('refuses bad archives, changing nothing', () => {
    let target: { dbFile: string; mediaDir: string }
    let root: string
    beforeAll(async () => {
      root = path.join(t.dir, 'existing')
      target = { dbFile: path.join(root, 'liushan.db'), mediaDir: path.join(root, 'media') }
      await restoreArchive(archive, target, { codeMigrations })
    })

    async function refused(bad: string, message: RegExp) {
      const before = await fingerprint(root)
      const error = await restoreArchive(bad, target, { codeMigrations }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BackupError)
      expect((error as Error).message).toMatch(message)
      expect(await fingerprint(root)).toEqual(before)
      expect(fs.readdirSync(root).sort()).toEqual(['liushan.db', 'media'])
    }

    /** The archive unpacked, its manifest changed by `edit`, packed again. */
    async function repacked(name: string, edit: (m: Manifest) => unknown, extra?: (dir: string) => void) {
      const dir = fs.mkdtempSync(path.join(t.dir, 'repack-'))
      await tar.extract({ file: archive, cwd: dir })
      const file = path.join(dir, 'manifest.json')
      const m = JSON.parse(fs.readFileSync(file, 'utf8'))
      fs.writeFileSync(file, JSON.stringify(edit(m) ?? m))
      extra?.(dir)
      const out = path.join(t.dir, name)
      await tar.create({ gzip: true, cwd: dir, file: out }, fs.readdirSync(dir))
      return out
    }

    it('a corrupt archive', async () => {
      const bytes = fs.readFileSync(archive)
      bytes[Math.floor(bytes.length / 2)] ^= 0xff
      const bad = path.join(t.dir, 'corrupt.tar.gz')
      fs.writeFileSync(bad, bytes)
      await refused(bad, /损坏/)
    })

    it('a truncated archive', async () => {
      const bad = path.join(t.dir, 'truncated.tar.gz')
      fs.writeFileSync(bad, fs.readFileSync(archive).subarray(0, Math.floor(fs.statSync(archive).size * 0.6)))
      await refused(bad, /损坏或不完整/)
    })

    it('a file whose checksum does not match the manifest', async () => {
      const bad = await repacked('tampered.tar.gz', () => undefined, (dir) => fs.appendFileSync(path.join(dir, 'media/proofs/page.png'), 'x'))
      await refused(bad, /校验值与清单不符/)
    })

    it('an archive of an unknown format', async () => {
      await refused(await repacked('other.tar.gz', (m) => ({ ...m, format: 'something-else' })), /不是六善平台的备份文件/)
      await refused(await repacked('v9.tar.gz', (m) => ({ ...m, version: 9 })), /格式版本为 9/)
    })

    it('an archive from a newer migration level than the code', async () => {
      const bad = await repacked('newer.tar.gz', (m) => ({ ...m, migrations: [...(m as Manifest).migrations, '20991231_000000_future'] }))
      await refused(bad, /更新版本的程序.*20991231_000000_future/)
    })
  })
})

describe('the daily backup job', () => {
  it('is scheduled for 02:00 Beijing time, runs in the jobs runner and prunes by the retention rule', async () => {
    let now = new Date('2026-12-02T17:59:00Z') // 01:59 in Beijing
    _internal_jobSystemGlobals.getCurrentDate = () => now
    for (const old of listArchives(backupDir)) fs.rmSync(old.file)
    // Sixty earlier nightly backups, one a day.
    const old = Array.from({ length: 60 }, (_, i) => new Date(Date.parse('2026-12-01T18:00:00Z') - i * 86400_000))
    for (const at of old) fs.writeFileSync(path.join(backupDir, archiveName(at)), '')

    await payload.jobs.handleSchedules({ queue: 'backup' })
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'backup' } } })
    expect(docs).toHaveLength(1)
    expect(docs[0].waitUntil).toBe('2026-12-02T18:00:00.000Z')

    await payload.jobs.run({ queue: 'backup' })
    expect(listArchives(backupDir)).toHaveLength(60) // not due yet

    now = new Date('2026-12-02T18:00:05Z')
    await payload.jobs.run({ queue: 'backup' })
    const job = await payload.findByID({ collection: 'payload-jobs', id: docs[0].id })
    expect(job.completedAt).toBeTruthy()
    expect(job.hasError).toBe(false)

    const kept = listArchives(backupDir).map((a) => a.name)
    expect(kept).toContain('liushan-backup-20261203-020005.tar.gz')
    const expected = applyRetention(
      [...old, now].map((at) => ({ name: archiveName(at), at })),
      backupSettings().retention,
      now,
    ).keep.map((a) => a.name)
    expect(kept.sort()).toEqual(expected.sort())
    // 7 days + 4 weeks + 12 months overlap: far fewer than the 61 taken.
    expect(kept.length).toBeLessThan(20)
    expect(readBackupStatus(backupDir).lastSuccess?.at).toBe(now.toISOString())

    // The job queued the next night's run.
    await payload.jobs.handleSchedules({ queue: 'backup' })
    const next = await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'backup' } }, { completedAt: { exists: false } }] } })
    expect(next.docs.map((d) => d.waitUntil)).toEqual(['2026-12-03T18:00:00.000Z'])
  })
})

describe('durability', () => {
  it('runs SQLite in WAL mode with synchronous=FULL (see README, 备份与恢复)', async () => {
    const client = (payload.db as unknown as { client: ReturnType<typeof createClient> }).client
    expect((await client.execute('PRAGMA journal_mode')).rows[0].journal_mode).toBe('wal')
    expect((await client.execute('PRAGMA synchronous')).rows[0].synchronous).toBe(2)
  })
})

describe('GET /api/health', () => {
  it('answers anonymously with the state of the database, backups and portal, and nothing secret', async () => {
    const { status, json } = await restClient(t.config as SanitizedConfig).get('/health')
    expect(status).toBe(200)
    expect(json.database).toEqual({ reachable: true, migrationsCurrent: true })
    expect(json.backup.lastSuccessAt).toBe(readBackupStatus(backupDir).lastSuccess?.at)
    expect(typeof json.disk.backupFreePercent).toBe('number')
    const text = JSON.stringify(json)
    expect(text).not.toContain(t.dir)
    expect(text).not.toContain(process.env.PAYLOAD_SECRET!)
    expect(text).not.toMatch(/@test\.example|liushan-backup-/)
  })
})
