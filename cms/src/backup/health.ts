// GET /api/health, for the operator's uptime check. Anyone may read it, so it says only whether
// things are well: no paths, versions, names, counts or error texts.
import fs from 'node:fs'
import path from 'node:path'

import type { Endpoint, PayloadRequest } from 'payload'

import { migrations } from '../database'
import { portalHealth } from '../siteBuild/status'
import { backupWarnings } from './describeStatus'
import { backupSettings } from './settings'
import { freeDiskShare, readBackupStatus } from './status'

async function appliedMigrations(req: PayloadRequest): Promise<string[] | undefined> {
  try {
    const { docs } = await req.payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, overrideAccess: true, req })
    return docs.filter((d) => Number(d.batch) > -1).map((d) => String(d.name))
  } catch {
    return undefined
  }
}

export async function healthReport(req: PayloadRequest, now = new Date()) {
  const applied = await appliedMigrations(req)
  const database = applied !== undefined
  // MongoDB has no schema migrations (see README); only SQLite's schema comes from them.
  const sqlite = req.payload.db.name === 'sqlite'
  const migrationsCurrent = !sqlite ? null : database ? migrations.every((m) => applied!.includes(m.name)) : false

  const backup = backupSettings()
  const backupStatus = readBackupStatus(backup.dir)
  const backupDisk = freeDiskShare(backup.dir)
  const upload = req.payload.collections.media.config.upload.staticDir
  const mediaDisk = upload && fs.existsSync(upload) ? freeDiskShare(path.resolve(upload)) : undefined
  const portal = await portalHealth(req.payload).catch(() => undefined)
  const warnings: string[] = sqlite ? backupWarnings(backupStatus, now, backupDisk).map((w) => w.code) : []
  if (mediaDisk !== undefined && mediaDisk < 0.1 && !warnings.includes('disk-low')) warnings.push('disk-low')
  if (portal?.state === 'failed') warnings.push('portal-failed')

  const ok = database && migrationsCurrent !== false
  return {
    httpStatus: ok ? 200 : 503,
    body: {
      status: !ok ? 'error' : warnings.length ? 'warning' : 'ok',
      checkedAt: now.toISOString(),
      database: { reachable: database, migrationsCurrent },
      disk: {
        backupFreePercent: backupDisk === undefined ? null : Math.round(backupDisk * 1000) / 10,
        mediaFreePercent: mediaDisk === undefined ? null : Math.round(mediaDisk * 1000) / 10,
      },
      backup: sqlite
        ? {
            lastSuccessAt: backupStatus.lastSuccess?.at ?? null,
            lastAttemptAt: backupStatus.last?.at ?? null,
            lastAttemptOk: backupStatus.last ? backupStatus.last.ok : null,
          }
        : { covered: false },
      portal: { lastRenderAt: portal?.lastRenderAt ?? null, state: portal?.state ?? null },
      warnings,
    },
  }
}

export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const { httpStatus, body } = await healthReport(req)
    return Response.json(body, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } })
  },
}
