// GET /api/signoffs/record/<collection>/<id>: one item's 审签记录 as a printable A4 审签单 (HTML),
// or ?format=csv for Excel, or ?format=json for the table on the item's edit view.
// Staff only; contributors only for items they entered.
import type { Endpoint, PayloadRequest } from 'payload'

import { roleOf } from '../../access'
import { formatDateTime } from '../../dates'
import { unexpectedFailure } from '../../lookup'
import type { Role } from '../../roles'
import { isReviewedCollection } from '../../workflow/reviewed'
import { loadSignoffRecord } from './record'
import { printPageCsp, recordToCsv, recordToHtml } from './recordFormats'

type Format = 'html' | 'csv' | 'json'

const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'X-Content-Type-Options': 'nosniff' }

function refuse(format: Format, status: number, message: string): Response {
  if (format !== 'html') return Response.json({ message }, { status, headers: privateHeaders })
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
    const user = req.user as { id: number | string; role?: Role | null; name?: string | null; email?: string } | null
    if (!user) return refuse(format, 401, '请先登录后台，再查看审签记录。')
    const role = roleOf(user)
    if (!role) return refuse(format, 403, '您的账号没有分配角色，不能查看审签记录。')

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
      const name = `审签记录-${record.collectionLabel}-${record.id}.csv`
      return new Response(recordToCsv(record), {
        headers: {
          ...privateHeaders,
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="signoffs-${record.collection}-${record.id}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      })
    }
    const html = recordToHtml(record, { at: formatDateTime(new Date()), by: user.name || user.email || String(user.id) })
    return new Response(html, {
      headers: { ...privateHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': printPageCsp },
    })
  },
}
