// GET /api/submissions/stats?year=2025: the year's 外宣统计 as JSON, or with &format=csv as a CSV
// file for Excel. Staff only. See outsideMedia/stats.ts for how each figure is counted.
import type { Endpoint } from 'payload'

import { roleOf } from '../../access'
import { loadStats } from '../../outsideMedia/loadStats'
import { beijingYear } from '../../outsideMedia/period'
import { statsToCsv } from '../../outsideMedia/statsCsv'

const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'X-Content-Type-Options': 'nosniff' }

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status, headers: privateHeaders })

export const submissionStatsEndpoint: Endpoint = {
  path: '/stats',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, '请先登录后台，再查看外宣统计。')
    if (!roleOf(req.user)) return refuse(403, '您的账号没有分配角色，不能查看外宣统计。')

    const given = req.searchParams?.get('year')
    const year = given ? Number(given) : beijingYear(new Date())
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return refuse(400, `年度“${given}”无效，请填写 2000 至 2100 之间的年份。`)

    const stats = await loadStats(req.payload, year, req)
    if (req.searchParams?.get('format') !== 'csv') return Response.json(stats, { headers: privateHeaders })
    const name = `外宣报送统计-${year}年.csv`
    return new Response(statsToCsv(stats), {
      headers: {
        ...privateHeaders,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="outside-media-stats-${year}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    })
  },
}
