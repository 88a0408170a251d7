// One anonymous request must not be able to make the CMS do unbounded work: GraphQL requests
// are bounded in aliases, depth and complexity, and anonymous lists in page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../seed/lexical'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { graphQLLimits } from './graphqlLimits'
import { maxAnonymousPageSize } from './listLimits'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let resolved = 0

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: Columns(limit: 100) { docs { id title parent { title parent { title } } } }`).join(' ')} }`
// graphql-http answers a refused request with its errors (HTTP 200 for plain application/json).
const messages = (json: any): string => (Array.isArray(json) ? json : (json.errors ?? [])).map((e: any) => e.message).join(' ')

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  for (let i = 0; i < maxAnonymousPageSize + 5; i++) await t.payload.create({ collection: 'columns', data: { title: `栏目 ${i}`, order: i } })
  // Counts how often the database is actually asked: a refused request asks nothing.
  const find = t.payload.db.find.bind(t.payload.db)
  t.payload.db.find = (async (args: Parameters<typeof find>[0]) => {
    resolved++
    return find(args)
  }) as typeof find
})
afterAll(() => t?.close())

describe('GraphQL refuses requests with many aliases before running them', () => {
  it.each([100, 200])('refuses %i aliased list queries from an anonymous caller', async (n) => {
    const before = resolved
    const res = await rest.graphql(aliases(n))
    expect(res.json.data).toBeUndefined()
    expect(messages(res.json)).toContain(`别名过多：最多 ${graphQLLimits.maxAliases} 个`)
    expect(resolved).toBe(before)
  })
  it('still answers an ordinary query', async () => {
    const res = await rest.graphql('{ Columns(limit: 5) { docs { title } } }')
    expect(res.status).toBe(200)
    expect(res.json.data.Columns.docs).toHaveLength(5)
  })
})

describe('GraphQL refuses deeply nested requests', () => {
  it('refuses a selection deeper than the limit, also through fragments', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'title' : `title parent { ${nested(depth - 1)} }`)
    const direct = await rest.graphql(`{ Columns { docs { ${nested(graphQLLimits.maxDepth)} } } }`)
    expect(messages(direct.json)).toContain('嵌套过深')
    const viaFragments = await rest.graphql(
      `{ Columns { docs { ...A } } } fragment A on Column { parent { ...B } } fragment B on Column { parent { ...C } } fragment C on Column { parent { ${nested(graphQLLimits.maxDepth)} } }`,
    )
    expect(messages(viaFragments.json)).toContain('嵌套过深')
  })
})

describe('GraphQL refuses over-complex requests', () => {
  it('refuses a request whose relationship fan-out exceeds the complexity budget', async () => {
    // Each relationship field costs 10: 19 aliases under the alias limit, each populating deeply.
    const chain = 'title parent { title parent { title parent { title parent { title } } } }'
    const query = `{ ${Array.from({ length: 19 }, (_, i) => `a${i}: Columns { docs { ${chain} } }`).join(' ')} }`
    const res = await rest.graphql(query)
    expect(res.json.data).toBeUndefined()
    expect(messages(res.json)).toMatch(/complexity/i)
  })
})

describe('anonymous lists return at most one page of 100', () => {
  it.each(['limit=1000', 'limit=0', 'pagination=false', 'limit=-1'])('REST ?%s', async (query) => {
    const res = await rest.get(`/columns?${query}&depth=0`)
    expect(res.status).toBe(200)
    expect(res.json.docs).toHaveLength(maxAnonymousPageSize)
    expect(res.json.hasNextPage).toBe(true)
  })
  it('GraphQL limit: 1000', async () => {
    const res = await rest.graphql('{ Columns(limit: 1000) { docs { id } limit hasNextPage } }')
    expect(res.json.data.Columns.docs).toHaveLength(maxAnonymousPageSize)
    expect(res.json.data.Columns.limit).toBe(maxAnonymousPageSize)
  })
  it('paging on still reaches every document', async () => {
    const second = await rest.get('/columns?limit=1000&page=2&depth=0')
    expect(second.json.docs).toHaveLength(5)
  })
  it('does not cap the finds that fill in relations: an item pointing at more than 100 columns gets every one', async () => {
    const { docs: columns } = await t.payload.find({ collection: 'columns', pagination: false, depth: 0 })
    expect(columns.length).toBeGreaterThan(maxAnonymousPageSize)
    const first = paragraphsToLexical(['正文提到了下列栏目。'])
    const mentions = columns.map((column) => ({ type: 'relationship', relationTo: 'columns', value: column.id, format: '', version: 2 }))
    const body = { root: { ...first.root, children: [...first.root.children, ...mentions] } } as typeof first
    const news = await t.payload.create({
      collection: 'news',
      data: { title: '提到全部栏目的新闻', column: columns[0].id, body, publishedAt: '2025-05-01T09:00:00+08:00', grade: 'normal', _status: 'published' },
    })
    for (const url of [`/news/${news.id}?depth=1`, `/news?where[id][equals]=${news.id}&depth=1&withRichText=true`]) {
      const res = await rest.get(url)
      expect(res.status).toBe(200)
      const doc = res.json.docs?.[0] ?? res.json
      const values = doc.body.root.children.filter((node: any) => node.type === 'relationship').map((node: any) => node.value)
      expect(values).toHaveLength(columns.length)
      expect(values.filter((value: any) => typeof value?.title !== 'string')).toEqual([])
    }
  })
})
