// An item's 栏目, filled in at depth 1, carries what the portal and admin read from it (name and
// URL slug) and nothing else; the column itself still answers with every field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, testPassword, type Staff } from '../../testing/fixtures'
import { paragraphsToLexical } from '../../seed/lexical'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let columnId: number
let newsId: number

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  const parent = await t.payload.create({ collection: 'columns', data: { title: '六善文化', order: 10 } })
  const column = await t.payload.create({
    collection: 'columns',
    data: { title: '善言', description: '以善言化解纠纷', order: 20, parent: parent.id, updateCycleDays: 30 },
  })
  columnId = column.id
  const body = paragraphsToLexical(['正文。'])
  body.root.children.push({ type: 'relationship', relationTo: 'columns', value: column.id, format: '', version: 2 } as never)
  const news = await t.payload.create({
    collection: 'news',
    data: { title: '善言栏目新闻', column: column.id, body, publishedAt: '2025-05-01T09:00:00+08:00', grade: 'normal', _status: 'published' },
  })
  newsId = news.id
  await t.payload.updateGlobal({ slug: 'navigation', data: { items: [{ label: '善言', column: column.id }] } as never })
})
afterAll(() => t?.close())

const populated = { id: expect.any(Number), title: '善言', slug: 'shan-yan' }

describe('a populated 栏目 is its id, name and slug', () => {
  it.each(['anonymous', 'editor', 'contributor'] as const)('in the news list and item for %s', async (who) => {
    const token = who === 'anonymous' ? undefined : await rest.login(staff[who].email, testPassword)
    for (const draft of ['', '&draft=true']) {
      const list = await rest.get(`/news?depth=1${draft}&withRichText=true`, { token })
      const item = await rest.get(`/news/${newsId}?depth=1${draft}`, { token })
      for (const doc of [list.json.docs[0], item.json]) {
        expect(doc.column).toStrictEqual(populated)
        const mention = doc.body.root.children.find((node: { type: string }) => node.type === 'relationship')
        expect(mention.value).toStrictEqual(populated)
      }
    }
  })
  it('in the navigation', async () => {
    const nav = await rest.get('/globals/navigation?depth=1')
    expect(nav.json.items[0].column).toStrictEqual(populated)
  })
  it('while the column itself answers with every field', async () => {
    const res = await rest.get(`/columns/${columnId}?depth=0`)
    expect(res.json).toMatchObject({ title: '善言', description: '以善言化解纠纷', order: 20, updateCycleDays: 30, slug: 'shan-yan', parent: expect.any(Number) })
  })
})
