// A draft as its published page's data: the collection's mapper and schema, stand-ins for what a draft may lack.
import { describe, expect, it } from 'vitest'

import { mapNews } from './mappers'
import { draftForPreview } from './draftForPreview'

const body = { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text: '草稿正文', format: 0, style: '', mode: 'normal', detail: 0 }] }] } }

describe('draftForPreview', () => {
  it('maps a news draft exactly as the published item is mapped, dates as dates', () => {
    const doc = { id: 7, slug: 'draft-7', title: '草稿标题', body, tags: ['调解'], column: { slug: 'trials', title: '审判动态' }, publishedAt: '2025-06-01T01:00:00.000Z', updatedAt: '2025-06-02T01:00:00.000Z' }
    const draft = draftForPreview('news', doc)
    expect(draft.ok).toBe(true)
    if (!draft.ok || draft.collection !== 'news') return
    const { publishedAt, updatedAt, ...rest } = mapNews(doc)
    expect(draft.data).toMatchObject(JSON.parse(JSON.stringify(rest)))
    expect(draft.data.bodyHtml).toContain('草稿正文')
    expect(draft.data.publishedAt).toEqual(new Date(publishedAt))
    expect(draft.slug).toBe('draft-7')
  })

  it('shows a draft that has no title or date yet', () => {
    const draft = draftForPreview('news', { id: 8, updatedAt: '2025-06-02T01:00:00.000Z' })
    expect(draft).toMatchObject({ ok: true, slug: '8', data: { title: '（未填写标题）', tags: [] } })
  })

  it('names what is wrong instead of failing, and refuses collections without a page', () => {
    const bad = draftForPreview('news', { id: 9, title: '标题', tags: '不是列表' })
    expect(bad).toMatchObject({ ok: false })
    expect(!bad.ok && bad.problem).toContain('tags')
    expect(draftForPreview('users', { id: 1 })).toMatchObject({ ok: false })
  })
})
