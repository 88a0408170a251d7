// Dashboard widget 站点状态: is the portal showing what was last published?
import type { ServerProps } from 'payload'
import React from 'react'

import { describeSiteStatus } from '../siteBuild/describeStatus'
import { siteAutoBuildEnabled, siteBuildSettings } from '../siteBuild/settings'
import { readSiteBuildStatus } from '../siteBuild/status'
import { SiteStatusRefresh } from './SiteStatusRefresh'
import './SiteStatus.css'

const baseClass = 'liushan-site-status'

export function SiteStatus({ user }: ServerProps) {
  // Only where this server keeps the portal up to date (npm start); elsewhere there is nothing to say.
  if (!user || !siteAutoBuildEnabled()) return null
  const text = describeSiteStatus(readSiteBuildStatus(siteBuildSettings().buildsDir))
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
      {text.active && <SiteStatusRefresh />}
    </section>
  )
}
