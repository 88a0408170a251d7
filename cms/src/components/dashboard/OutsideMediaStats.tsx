// Dashboard widget 外宣统计: the year's outside-media work — sent, adopted, published, points —
// by month (a bar chart with its values written out), quarter, outlet level and author, with the
// same figures as a CSV download. ?mediaYear=2025 shows another year.
import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { roleOf } from '../../access'
import { latestYearWithRecords, loadStats } from '../../outsideMedia/loadStats'
import { beijingYear } from '../../dates'
import type { StatsRow, Tally } from '../../outsideMedia/stats'
import type { NewMediaStats } from '../../outsideMedia/newMediaStats'
import './dashboard.css'
import './outsideMediaStats.css'

const baseClass = 'liushan-widget'
const chartClass = 'liushan-media-chart'

const yearFrom = (value: unknown, fallback: number) => {
  const year = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback
}

function TallyTable({ caption, heading, rows }: { caption: string; heading: string; rows: StatsRow[] }) {
  return (
    <div className={`${baseClass}__scroll`}>
      <table className={`${baseClass}__table`}>
        <caption className={`${baseClass}__subtitle ${chartClass}__caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">报送</th>
            <th scope="col">采用</th>
            <th scope="col">刊发</th>
            <th scope="col">积分</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.submitted}</td>
              <td>{row.adopted}</td>
              <td>{row.published}</td>
              <td>{row.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** 新媒体发布: posts and reads on the court's own accounts, by channel. */
function NewMediaTable({ stats }: { stats: NewMediaStats }) {
  if (!stats.total.posts) return <p className={`${baseClass}__muted`}>本年度还没有新媒体发布记录。</p>
  return (
    <div className={`${baseClass}__scroll`}>
      <table className={`${baseClass}__table`}>
        <caption className={`${baseClass}__subtitle ${chartClass}__caption`}>新媒体发布（本院自有账号）</caption>
        <thead>
          <tr>
            <th scope="col">渠道</th>
            <th scope="col">发布</th>
            <th scope="col">阅读量</th>
          </tr>
        </thead>
        <tbody>
          {[...stats.channels, { ...stats.total, label: '合计' }].map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.posts}</td>
              <td>{row.reads}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Points per month as bars; each bar's figures are written out, and read out in full to screen readers. */
function MonthChart({ months }: { months: StatsRow[] }) {
  const max = Math.max(...months.map((m) => m.points), 0)
  return (
    <figure className={chartClass}>
      <figcaption className={`${baseClass}__subtitle`}>各月积分</figcaption>
      <ol className={`${chartClass}__bars`}>
        {months.map((month) => (
          <li key={month.key} className={`${chartClass}__month`}>
            <span className={`${chartClass}__sr-only`}>
              {month.label}：积分 {month.points}，报送 {month.submitted} 篇，采用 {month.adopted} 篇，刊发 {month.published} 篇
            </span>
            <span className={`${chartClass}__value`} aria-hidden="true">
              {month.points}
            </span>
            <span className={`${chartClass}__track`} aria-hidden="true">
              <span className={`${chartClass}__bar`} style={{ height: `${max ? (month.points / max) * 100 : 0}%` }} />
            </span>
            <span className={`${chartClass}__label`} aria-hidden="true">
              {month.label}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  )
}

const totals: { key: keyof Tally; label: string; unit: string }[] = [
  { key: 'submitted', label: '报送', unit: '篇' },
  { key: 'adopted', label: '采用', unit: '篇' },
  { key: 'published', label: '刊发', unit: '篇' },
  { key: 'points', label: '积分', unit: '分' },
]

export async function OutsideMediaStats({ payload, user, searchParams }: ServerProps) {
  if (!roleOf(user)) return null
  const thisYear = beijingYear(new Date())
  const year = yearFrom(searchParams?.mediaYear, thisYear)
  const stats = await loadStats(payload, year)
  const empty = stats.total.submitted + stats.total.adopted + stats.total.published === 0
  const latest = empty ? await latestYearWithRecords(payload) : undefined

  const dashboard = formatAdminURL({ adminRoute: payload.config.routes.admin, path: '', relative: true }) || '/'
  const yearURL = (y: number) => `${dashboard}?mediaYear=${y}#outside-media-heading`
  const csvURL = formatAdminURL({ apiRoute: payload.config.routes.api, path: `/submissions/stats?year=${year}&format=csv`, serverURL: payload.config.serverURL })
  const listURL = formatAdminURL({ adminRoute: payload.config.routes.admin, path: '/collections/submissions', relative: true })

  return (
    <section className={baseClass} aria-labelledby="outside-media-heading">
      <h2 id="outside-media-heading" className={`${baseClass}__title`}>
        外宣统计（{year} 年）
      </h2>
      <nav className={`${chartClass}__toolbar`} aria-label="外宣统计年度与导出">
        <Link href={yearURL(year - 1)}>‹ {year - 1} 年</Link>
        {year < thisYear && <Link href={yearURL(year + 1)}>{year + 1} 年 ›</Link>}
        {year !== thisYear && <Link href={yearURL(thisYear)}>回到本年</Link>}
        <a href={csvURL} download>
          导出 CSV
        </a>
        <Link href={listURL}>全部报送记录</Link>
      </nav>

      {empty ? (
        <p className={`${baseClass}__muted`}>
          {year} 年还没有外宣报送记录。
          {latest !== undefined && latest !== year && (
            <>
              {' '}
              <Link href={yearURL(latest)}>查看 {latest} 年</Link>
            </>
          )}
        </p>
      ) : (
        <>
          <div className={`${baseClass}__counts`}>
            {totals.map(({ key, label, unit }) => (
              <div key={key} className={`${baseClass}__count`}>
                <span>{label}</span>
                <strong>
                  {stats.total[key]}
                  <small> {unit}</small>
                </strong>
              </div>
            ))}
          </div>
          <MonthChart months={stats.months} />
          <TallyTable caption="按季度" heading="季度" rows={stats.quarters} />
          <TallyTable caption="按媒体级别" heading="级别" rows={stats.levels} />
          <TallyTable caption="按作者" heading="作者" rows={stats.authors} />
          {stats.newMedia && <NewMediaTable stats={stats.newMedia} />}
          <p className={`${baseClass}__muted`}>
            报送按报送日期计入月份；采用、刊发和积分按采用/刊发日期计入；已刊发的只计刊发一次。多位作者合写的，每位作者各计一篇，积分平均分配。
          </p>
        </>
      )}
    </section>
  )
}
