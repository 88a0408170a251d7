// REST lists leave rich text out unless asked; one item, GraphQL, the Local API and filled-in
// relations still carry it, and nothing is lost: the same list with `withRichText=true` has it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../seed/lexical'
import { createStaff, sampleData, testPassword, type Staff } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let newsId: number
let familyId: number

const body = paragraphsToLexical(['调解员在村委会主持调解，双方当场达成协议。'])

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  const column = await t.payload.create({ collection: 'columns', data: { title: '善言', order: 10 } })
  const news = await t.payload.create({
    collection: 'news',
    data: { title: '柳溪法庭巡回审判', summary: '就地化解', column: column.id, body, publishedAt: '2025-05-01T09:00:00+08:00', grade: 'normal', _status: 'published' },
  })
  newsId = news.id
  const family = await t.payload.create({
    collection: 'families',
    data: { ...(await sampleData(t.payload, 'families', '示范户')), story: body, _status: 'published' } as never,
  })
  familyId = family.id
})
afterAll(() => t?.close())

const token = async (who: 'anonymous' | 'editor' | 'contributor') => (who === 'anonymous' ? undefined : rest.login(staff[who].email, testPassword))

describe('a REST list leaves rich text out', () => {
  it.each(['anonymous', 'editor', 'contributor'] as const)('for %s, published and draft lists, and has it with withRichText=true', async (who) => {
    const auth = { token: await token(who) }
    for (const draft of ['', '&draft=true', '&draft=false']) {
      const list = await rest.get(`/news?depth=1${draft}`, auth)
      expect(list.status).toBe(200)
      const doc = list.json.docs.find((d: { id: number }) => d.id === newsId)
      expect(doc).toMatchObject({ title: '柳溪法庭巡回审判', summary: '就地化解', slug: expect.any(String), column: { title: '善言' } })
      expect(doc).not.toHaveProperty('body')

      const full = await rest.get(`/news?depth=1${draft}&withRichText=true`, auth)
      const fullDoc = full.json.docs.find((d: { id: number }) => d.id === newsId)
      expect(fullDoc.body).toStrictEqual(body)
      // Everything else is the same document.
      const { body: _body, ...withoutBody } = fullDoc
      expect(withoutBody).toStrictEqual(doc)
    }
  })

  it('for every collection with rich text (a family’s 家风故事)', async () => {
    const list = await rest.get('/families?depth=0')
    const doc = list.json.docs.find((d: { id: number }) => d.id === familyId)
    expect(doc.motto).toBeTruthy()
    expect(doc).not.toHaveProperty('story')
    const full = await rest.get('/families?depth=0&withRichText=true')
    expect(full.json.docs.find((d: { id: number }) => d.id === familyId).story).toStrictEqual(body)
  })

  it('but keeps a select the caller chose', async () => {
    const list = await rest.get('/news?depth=0&select[title]=true&select[body]=true')
    expect(list.json.docs[0]).toStrictEqual({ id: newsId, title: '柳溪法庭巡回审判', body })
  })
})

describe('rich text stays where it was', () => {
  it('in one item by id (REST), for anonymous and staff, published and draft', async () => {
    for (const who of ['anonymous', 'editor'] as const) {
      for (const draft of ['', '&draft=true']) {
        const item = await rest.get(`/news/${newsId}?depth=1${draft}`, { token: await token(who) })
        expect(item.json.body).toStrictEqual(body)
      }
    }
  })
  it('in GraphQL lists that ask for it', async () => {
    const res = await rest.graphql('{ News { docs { id body } } }')
    expect(res.json.errors).toBeUndefined()
    expect(res.json.data.News.docs.find((d: { id: number }) => d.id === newsId).body).toStrictEqual(body)
  })
  it('in the Local API', async () => {
    const list = await t.payload.find({ collection: 'news', depth: 0 })
    expect(list.docs.find((d) => d.id === newsId)?.body).toStrictEqual(body)
  })
})
