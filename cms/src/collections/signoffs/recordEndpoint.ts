// GET /api/signoffs/record/<collection>/<id>: one item's 审签记录 as a printable A4 审签单 (HTML),
// or ?format=csv for Excel, or ?format=json for the table on the item's edit view.
// Staff only; contributors only for items they entered.
import type { Endpoint, PayloadRequest } from 'payload'

import { formatDateTime } from '../../dates'
import { checkStaff, download, errorResponse, privateHeaders } from '../../http'
import { unexpectedFailure } from '../../lookup'
import type { Role } from '../../roles'
import { isReviewedCollection } from '../../workflow/reviewed'
import { loadSignoffRecord } from './record'
import { printPageCsp, recordToCsv, recordToHtml } from './recordFormats'

type Format = 'html' | 'csv' | 'json'

function refuse(format: Format, status: number, message: string): Response {
  if (format !== 'html') return errorResponse(status, message)
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${message}</title></head><body><p>${message}</p></body></html>`
  return new Response(page, { status, headers: { ...privateHeaders, 'Content-Type': 'text/html; charset=utf-8' } })
}

const formatOf = (req: PayloadRequest): Format => {
  const value = req.searchParams?.get('format')
  return value === 'csv' || value === 'json' ? value : 'html'
}

export const signoffRecordEndpoint: Endpoint = {
  path: '/record/:docCollection/:docId',
  method: 'get',
  handler: async (req) => {
    const format = formatOf(req)
    const staff = checkStaff(req, '查看审签记录')
    if (!staff.ok) return refuse(format, staff.status, staff.message)
    const { user, role } = staff

    const collection = String(req.routeParams?.docCollection ?? '')
    const id = String(req.routeParams?.docId ?? '')
    let record: Awaited<ReturnType<typeof loadSignoffRecord>> = null
    try {
      record = isReviewedCollection(collection) ? await loadSignoffRecord(req.payload, collection, id) : null
    } catch (error) {
      const failure = unexpectedFailure(req.payload, error, '读取审签记录')
      return refuse(format, failure.status, failure.message)
    }
    if (!record) return refuse(format, 404, '稿件不存在或已被删除。')
    if (role === 'contributor' && String(record.authorId) !== String(user.id)) {
      return refuse(format, 403, '通讯员只能查看自己稿件的审签记录。')
    }

    if (format === 'json') return Response.json(record, { headers: privateHeaders })
    if (format === 'csv') {
      return download(recordToCsv(record), 'text/csv; charset=utf-8', `审签记录-${record.collectionLabel}-${record.id}.csv`, `signoffs-${record.collection}-${record.id}.csv`)
    }
    const html = recordToHtml(record, { at: formatDateTime(new Date()), by: user.name || user.email || String(user.id) })
    return new Response(html, {
      headers: { ...privateHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': printPageCsp },
    })
  },
}
