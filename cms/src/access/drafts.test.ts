// Drafts are working material: no anonymous caller may see a draft or a draft version, by any route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDoc, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

const SECRET = '未经审签的草稿内容XYZ'
const collections = ['news', 'stories', 'events', 'families'] as const
const titleField = (collection: string) => (collection === 'families' ? 'familyName' : 'title')
const graphqlName: Record<string, [string, string]> = {
  news: ['News', 'versionsNews'],
  stories: ['Stories', 'versionsStories'],
  events: ['Events', 'versionsEvents'],
  families: ['Families', 'versionsFamilies'],
}

let t: TestPayload
let rest: ReturnType<typeof restClient>
const ids: Record<string, { draftOnly: number | string; publishedWithDraft: number | string }> = {}

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  for (const collection of collections) {
    const field = titleField(collection)
    const draftOnly = await createDoc(t.payload, collection, 'never-published', { status: 'draft' })
    await t.payload.update({ collection, id: draftOnly.id, data: { [field]: `${SECRET} 1` }, draft: true })
    // A published item whose newer, unapproved revision must stay invisible.
    const published = await createDoc(t.payload, collection, 'published', { status: 'published' })
    await t.payload.update({ collection, id: published.id, data: { [field]: `${SECRET} 2`, _status: 'draft' }, draft: true })
    ids[collection] = { draftOnly: draftOnly.id, publishedWithDraft: published.id }
  }
})
afterAll(() => t?.close())

describe.each(collections)('%s', (collection) => {
  it('REST lists and documents show anonymous callers only the published text', async () => {
    const responses = await Promise.all([
      rest.get(`/${collection}`),
      rest.get(`/${collection}?draft=true`),
      rest.get(`/${collection}?draft=true&where[_status][equals]=draft`),
      rest.get(`/${collection}/${ids[collection].publishedWithDraft}`),
      rest.get(`/${collection}/${ids[collection].publishedWithDraft}?draft=true`),
      rest.get(`/${collection}/${ids[collection].draftOnly}?draft=true`),
      rest.get(`/${collection}/versions`),
      rest.get(`/${collection}/versions?where[version._status][equals]=draft`),
    ])
    for (const { json } of responses) expect(JSON.stringify(json)).not.toContain(SECRET)
    const [list, , , published] = responses
    expect(list.json.docs).toHaveLength(1)
    expect(published.status).toBe(200)
    expect(responses[5].status).toBe(404)
    expect(responses[6].status).toBe(403)
  })

  it('GraphQL shows anonymous callers only the published text', async () => {
    const [plural, versions] = graphqlName[collection]
    const field = titleField(collection)
    const queries = [
      `{ ${plural} { docs { id ${field} _status } } }`,
      `{ ${plural}(draft: true) { docs { id ${field} _status } } }`,
      `{ ${plural}(where: { _status: { equals: draft } }, draft: true) { docs { id ${field} } } }`,
      `{ ${versions} { docs { id version { ${field} } } } }`,
    ]
    const results = await Promise.all(queries.map((q) => rest.graphql(q)))
    for (const { json } of results) expect(JSON.stringify(json)).not.toContain(SECRET)
    expect(results[0].json.data[plural].docs).toHaveLength(1)
  })

  it('staff do see the draft (so the checks above are not vacuous)', async () => {
    const token = await (async () => {
      const user = await t.payload.create({ collection: 'users', data: { email: `editor-${collection}@test.example`, password: testPassword, name: '编辑', role: 'editor' } })
      return rest.login(user.email, testPassword)
    })()
    const { json } = await rest.get(`/${collection}/${ids[collection].publishedWithDraft}?draft=true`, { token })
    expect(JSON.stringify(json)).toContain(SECRET)
  })
})
