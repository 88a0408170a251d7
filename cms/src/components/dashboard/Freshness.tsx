// Dashboard widget: is the portal being kept up to date? Each 栏目's last update, and warnings for
// the inspection's veto items (首页 two weeks without news, 空白栏目, 超期未更新).
import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { formatDate } from '../../dates'
import { homeLimitDays } from './freshness'
import { loadFreshness } from './loadFreshness'
import './dashboard.css'

const baseClass = 'liushan-widget'

export async function Freshness({ payload, user }: ServerProps) {
  if (!user) return null
  const { home, columns, warningCount } = await loadFreshness(payload)
  const adminRoute = payload.config.routes.admin
  const columnURL = (id: number | string) => formatAdminURL({ adminRoute, path: `/collections/columns/${id}`, relative: true })

  return (
    <section className={baseClass} aria-labelledby="freshness-heading">
      <h2 id="freshness-heading" className={`${baseClass}__title`}>
        栏目更新情况
        {warningCount > 0 ? (
          <span className={`${baseClass}__badge ${baseClass}__badge--warning`}>{warningCount} 项需处理</span>
        ) : (
          <span className={`${baseClass}__badge ${baseClass}__badge--ok`}>均按期更新</span>
        )}
      </h2>

      <p className={home.warning ? `${baseClass}__alert` : `${baseClass}__muted`} role={home.warning ? 'alert' : undefined}>
        {home.warning ? `⚠ ${home.warning}。` : `首页 ${home.daysSince === 0 ? '今天' : `${home.daysSince} 天前`}有新稿件（每 ${homeLimitDays} 天内须有更新）。`}
        {home.last && (
          <span>
            {' '}
            最新：{home.last.typeLabel}《{home.last.title}》，{formatDate(home.last.at)}。
          </span>
        )}
      </p>

      <div className={`${baseClass}__scroll`}>
        <table className={`${baseClass}__table`}>
          <thead>
            <tr>
              <th scope="col">栏目</th>
              <th scope="col">最近发布</th>
              <th scope="col">距今</th>
              <th scope="col">更新周期</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.id} className={column.warning ? `${baseClass}__row--warning` : undefined}>
                <td>
                  <Link href={columnURL(column.id)}>{column.title}</Link>
                </td>
                <td className={`${baseClass}__time`}>{column.lastPublishedAt ? formatDate(column.lastPublishedAt) : '—'}</td>
                <td>{column.daysSince === null ? '—' : `${column.daysSince} 天`}</td>
                <td>{column.cycleDays} 天</td>
                <td>
                  {column.warning ? (
                    <span className={`${baseClass}__badge ${baseClass}__badge--warning`}>{column.warning}</span>
                  ) : (
                    <span className={`${baseClass}__badge ${baseClass}__badge--ok`}>正常</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {columns.length === 0 && <p className={`${baseClass}__muted`}>还没有栏目。</p>}
    </section>
  )
}
