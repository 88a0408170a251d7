// What the admin's 站点状态 says, in the staff's words, from the change records (status.ts).
import { formatTimestamp as beijingTime } from '../dates'
import type { ChangeSummary, SiteStatusData } from './status'

export type ChangeLine = { id: number | string; text: string; tone: 'ok' | 'busy' | 'error'; error?: string; retryable: boolean }

export type SiteStatusText = {
  tone: 'ok' | 'busy' | 'error' | 'muted'
  headline: string
  details: string[]
  /** The latest changes, newest first: what, when, pages and time, or why it failed. */
  changes: ChangeLine[]
  /** Something is about to change: the admin refreshes the widget while this is true. */
  active: boolean
}

const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`)

function describeChange(change: ChangeSummary): ChangeLine {
  const when = beijingTime(change.createdAt)
  if (change.state === 'pending') return { id: change.id, text: `${when} ${change.reason}：等待更新`, tone: 'busy', retryable: false }
  if (change.state === 'rendering') return { id: change.id, text: `${when} ${change.reason}：正在更新`, tone: 'busy', retryable: false }
  if (change.state === 'failed') {
    return { id: change.id, text: `${when} ${change.reason}：更新失败`, tone: 'error', error: `原因：${change.error ?? '未知'}`, retryable: change.kind !== 'full' }
  }
  const pages = change.kind === 'full' && change.pages === 0 ? '没有需要重新生成的页面' : `重新生成 ${change.pages ?? 0} 页${change.removed ? `、删除 ${change.removed} 页` : ''}`
  const differences = Array.isArray(change.differences) && change.differences.length ? `；与增量结果有 ${change.differences.length} 处不同` : ''
  return { id: change.id, text: `${when} ${change.reason}：${pages}${change.ms ? `，用时 ${duration(change.ms)}` : ''}${differences}`, tone: differences ? 'error' : 'ok', retryable: false }
}

export function describeSiteStatus(data: SiteStatusData): SiteStatusText {
  const changes = data.recent.map(describeChange)
  const leaseLive = data.lease && new Date(data.lease.expiresAt) > data.now
  const renderer = leaseLive ? [] : ['目前没有内容管理系统实例在渲染门户；修改会保存在队列中，渲染服务启动后自动更新。']
  if (!data.recent.length) {
    return { tone: 'muted', headline: '门户尚未生成', details: ['发布内容后会自动生成门户网站。', ...renderer], changes, active: false }
  }
  if (data.waiting) {
    return { tone: 'busy', headline: `门户更新中 · 还有 ${data.waiting} 项修改等待生效`, details: renderer, changes, active: true }
  }
  const latestFinished = data.recent.find((c) => c.state === 'done' || c.state === 'failed')
  if (latestFinished?.state === 'failed') {
    return {
      tone: 'error',
      headline: `门户更新失败 · ${latestFinished.finishedAt ? beijingTime(latestFinished.finishedAt) : ''}`.replace(/ · $/, ''),
      details: [`原因：${latestFinished.error ?? '未知'}`, '读者仍看到上一次成功更新的版本。可点击“重试”；如仍失败请联系技术人员。', ...renderer],
      changes,
      active: false,
    }
  }
  const at = latestFinished?.finishedAt ? ` · ${beijingTime(latestFinished.finishedAt)}` : ''
  return { tone: 'ok', headline: `门户已更新${at}`, details: renderer, changes, active: false }
}
