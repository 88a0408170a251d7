// Security specification: nothing that names a deleted item — a preview link, its 审签记录 — ever
// applies to a new item. SQLite ids are never reused (AUTOINCREMENT) and preview tokens carry the
// item's createdAt as well as its id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { previewSecret, previewUrl, signPreviewToken } from '../preview/previewToken'
import { type SecurityWorld, startSecurityWorld } from '../testing/securityWorld'

let w: SecurityWorld
beforeAll(async () => {
  w = await startSecurityWorld()
})
afterAll(() => w?.t.close())

const tokenOf = (url: string | null) => new URL(url!).searchParams.get('token')!

describe('a deleted item’s id, preview link and 审签记录 never pass to a new item', () => {
  it('ids are not reused, the old link is refused and the new item has no old trail', async () => {
    const old = await w.item('news', 'to-delete', 'draft', { owner: w.staff.editor.id })
    const submit = await w.rest.patch(`/news/${old.id}?draft=true`, { token: w.tokens.editor, body: { workflowAction: 'submit' } })
    expect(submit.status).toBe(200)
    expect(await w.trail('news', old.id)).toHaveLength(1)
    const link = tokenOf(previewUrl('news', old, w.staff.editor.id))
    expect((await w.rest.get(`/news/${old.id}/preview-data?token=${link}`)).status).toBe(200)

    expect((await w.rest.delete(`/news/${old.id}`, { token: w.tokens.admin })).status).toBe(200)
    const fresh = await w.item('news', 'new-after-delete', 'draft', { owner: w.staff.editor.id })
    expect(fresh.id).toBeGreaterThan(old.id)

    expect((await w.rest.get(`/news/${old.id}/preview-data?token=${link}`)).status).toBe(404)
    expect((await w.rest.get(`/news/${fresh.id}/preview-data?token=${link}`)).status).toBe(401)
    expect(await w.trail('news', fresh.id)).toHaveLength(0)
    const record = await w.rest.get(`/signoffs?where[docCollection][equals]=news&where[docId][equals]=${fresh.id}`, { token: w.tokens.admin })
    expect(record.json.totalDocs).toBe(0)
  })

  it('a token for the same id but another item (another createdAt) is refused', async () => {
    const doc = await w.item('stories', 'same-id', 'draft', { owner: w.staff.editor.id })
    const claims = { collection: 'stories', id: doc.id, exp: Date.now() / 1000 + 600, uid: w.staff.editor.id }
    const other = signPreviewToken({ ...claims, v: '2020-01-01T00:00:00.000Z' }, previewSecret())
    expect((await w.rest.get(`/stories/${doc.id}/preview-data?token=${other}`)).status).toBe(404)
    const right = signPreviewToken({ ...claims, v: String(doc.createdAt) }, previewSecret())
    expect((await w.rest.get(`/stories/${doc.id}/preview-data?token=${right}`)).status).toBe(200)
    // Tokens of the old shape (no viewer, no createdAt) no longer open anything.
    const legacy = signPreviewToken({ collection: 'stories', id: doc.id, exp: claims.exp }, previewSecret())
    expect((await w.rest.get(`/stories/${doc.id}/preview-data?token=${legacy}`)).status).toBe(401)
  })
})
