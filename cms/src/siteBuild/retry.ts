// POST /api/site-changes/:id/retry — 站点状态's 重试 button: a failed change goes back to the queue.
import type { Endpoint } from 'payload'

import { siteManagers } from '../access'
import { nudgeRenderer } from './changes'

export const retryChangeEndpoint: Endpoint = {
  path: '/:id/retry',
  method: 'post',
  handler: async (req) => {
    if (!siteManagers({ req } as Parameters<typeof siteManagers>[0])) {
      return Response.json({ errors: [{ message: '只有编辑、签发人和管理员可以重试门户更新。' }] }, { status: 403 })
    }
    const id = String(req.routeParams?.id ?? '')
    const record = /^\d+$/.test(id) || id.length === 24 ? await req.payload.db.findOne<{ id: number; state: string; kind: string }>({ collection: 'site-changes', where: { id: { equals: id } } }) : null
    if (!record) return Response.json({ errors: [{ message: '找不到这条门户更新记录。' }] }, { status: 404 })
    if (record.state !== 'failed' || record.kind === 'full') {
      return Response.json({ errors: [{ message: '只有更新失败的修改可以重试。' }] }, { status: 409 })
    }
    await req.payload.db.updateOne({ collection: 'site-changes', id: record.id, data: { state: 'pending', error: null, attempts: 0 }, req })
    nudgeRenderer()
    // The admin's form expects to land back on the dashboard; API clients read the JSON.
    if ((req.headers.get('accept') ?? '').includes('text/html')) return Response.redirect(new URL('/admin', req.url ?? 'http://localhost/').toString(), 303)
    return Response.json({ ok: true })
  },
}
