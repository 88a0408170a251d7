// GET /api/submissions/stats?year=2025: the year's 外宣统计 as JSON, or with &format=csv as a CSV
// file for Excel. Staff only. See stats.ts for how each figure is counted.
import type { Endpoint } from 'payload'

import { beijingYear } from '../dates'
import { download, errorResponse, privateHeaders, refuseUnlessStaff } from '../http'
import { loadStats } from './loadStats'
import { statsToCsv } from './statsCsv'

export const submissionStatsEndpoint: Endpoint = {
  path: '/stats',
  method: 'get',
  handler: async (req) => {
    const refused = refuseUnlessStaff(req, '查看外宣统计')
    if (refused) return refused

    const given = req.searchParams?.get('year')
    const year = given ? Number(given) : beijingYear(new Date())
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return errorResponse(400, `年度“${given}”无效，请填写 2000 至 2100 之间的年份。`)

    const stats = await loadStats(req.payload, year, req)
    if (req.searchParams?.get('format') !== 'csv') return Response.json(stats, { headers: privateHeaders })
    return download(statsToCsv(stats), 'text/csv; charset=utf-8', `外宣报送统计-${year}年.csv`, `outside-media-stats-${year}.csv`)
  },
}
