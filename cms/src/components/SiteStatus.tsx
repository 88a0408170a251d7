// Dashboard widget 站点状态: is the portal showing what was last published, and is there a recent backup?
import type { ServerProps } from 'payload'
import React from 'react'

import { describeBackupStatus } from '../backup/describeStatus'
import { backupSettings } from '../backup/settings'
import { freeDiskShare, readBackupStatus } from '../backup/status'
import { describeSiteStatus } from '../siteBuild/describeStatus'
import { readSiteStatus } from '../siteBuild/status'
import { SiteStatusRefresh } from './SiteStatusRefresh'
import './SiteStatus.css'

const baseClass = 'liushan-site-status'

export function SiteStatus({ user, payload }: ServerProps) {
  if (!user) return null
  return (
    <>
      {payload && <PortalStatus payload={payload} />}
      {/* npm run backup covers the embedded SQLite; MongoDB is backed up outside (README). */}
      {payload?.db.name === 'sqlite' && <BackupStatus />}
    </>
  )
}

async function PortalStatus({ payload }: { payload: NonNullable<ServerProps['payload']> }) {
  const text = describeSiteStatus(await readSiteStatus(payload))
  return (
    <section className={`${baseClass} ${baseClass}--${text.tone}`} aria-labelledby="site-status-heading" aria-live="polite">
      <h2 id="site-status-heading" className={`${baseClass}__title`}>
        <span className={`${baseClass}__label`}>站点状态</span>
        {text.headline}
      </h2>
      {text.details.map((line) => (
        <p key={line} className={`${baseClass}__detail`}>
          {line}
        </p>
      ))}
      {text.changes.length > 0 && (
        <ol className={`${baseClass}__changes`} aria-label="最近的门户更新">
          {text.changes.map((change) => (
            <li key={change.id} className={`${baseClass}__change ${baseClass}__change--${change.tone}`}>
              {change.text}
              {change.error && <span className={`${baseClass}__reason`}>{change.error}</span>}
              {change.retryable && (
                // A plain form: works without the admin's JavaScript, answered by a redirect back here.
                <form method="post" action={`/api/site-changes/${change.id}/retry`} className={`${baseClass}__retry`}>
                  <button type="submit">重试</button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {text.active && <SiteStatusRefresh />}
    </section>
  )
}

/** Last backup, its size and result; a warning when it is over 48 hours old or its disk is nearly full. */
function BackupStatus() {
  const { dir } = backupSettings()
  const text = describeBackupStatus(readBackupStatus(dir), new Date(), freeDiskShare(dir))
  return (
    <section className={`${baseClass} ${baseClass}--${text.tone}`} aria-labelledby="backup-status-heading">
      <h2 id="backup-status-heading" className={`${baseClass}__title`}>
        <span className={`${baseClass}__label`}>数据备份</span>
        {text.headline}
      </h2>
      {text.details.map((line) => (
        <p key={line} className={`${baseClass}__detail`} role={text.tone === 'error' ? 'alert' : undefined}>
          {line}
        </p>
      ))}
    </section>
  )
}
