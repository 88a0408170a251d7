// What the admin's 站点状态 says, in the staff's words, from the builder's status file.
import { formatTimestamp as beijingTime } from '../dates'
import type { SiteBuildStatus } from './status'

export type SiteStatusText = {
  tone: 'ok' | 'busy' | 'error' | 'muted'
  headline: string
  details: string[]
  /** Something is about to change: the admin refreshes the widget while this is true. */
  active: boolean
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`

export function describeSiteStatus(status: SiteBuildStatus | undefined): SiteStatusText {
  const serving = status?.lastSuccessAt ? `读者现在看到的是 ${beijingTime(status.lastSuccessAt)} 更新的版本。` : undefined
  if (!status || (!status.lastSuccessAt && status.state === 'idle' && !status.pending)) {
    return { tone: 'muted', headline: '门户尚未生成', details: ['发布内容后会自动生成门户网站。'], active: false }
  }
  if (status.state === 'building') {
    return {
      tone: 'busy',
      headline: `门户构建中${status.startedAt ? ` · 开始于 ${beijingTime(status.startedAt)}` : ''}`,
      details: [
        ...(status.pending ? ['构建期间又有新的修改，完成后会再更新一次。'] : []),
        ...(serving ? [serving] : []),
      ],
      active: true,
    }
  }
  if (status.state === 'failed') {
    const retry = status.nextRetryAt
      ? `将于 ${beijingTime(status.nextRetryAt)} 自动重试。`
      : status.pending
        ? '即将重新构建。'
        : '已停止自动重试，下次发布或修改内容时会再次尝试；如仍失败请联系技术人员。'
    return {
      tone: 'error',
      headline: `门户更新失败 · ${status.lastFailureAt ? beijingTime(status.lastFailureAt) : ''}`.replace(/ · $/, ''),
      details: [`原因：${status.lastError ?? '未知'}`, retry, ...(serving ? [serving] : [])],
      active: Boolean(status.nextRetryAt || status.pending),
    }
  }
  if (status.pending) {
    return { tone: 'busy', headline: '门户即将更新', details: ['已收到新的修改，马上开始构建。', ...(serving ? [serving] : [])], active: true }
  }
  return {
    tone: 'ok',
    headline: `门户已更新 · ${beijingTime(status.lastSuccessAt!)}${status.durationMs ? `（用时 ${seconds(status.durationMs)}）` : ''}`,
    details: [],
    active: false,
  }
}
