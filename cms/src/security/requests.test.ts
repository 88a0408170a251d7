// Malformed requests get a 400 with a Chinese reason, never a 500 from deep inside Payload.
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type EditorSession, startAsEditor } from '../testing/editorSession'
import type { TestPayload } from '../testing/testPayload'

let t: TestPayload
let rest: EditorSession['rest']
let token: string

beforeAll(async () => {
  ;({ t, rest, token } = await startAsEditor())
})
afterAll(() => t?.close())

describe('unusual query operators are refused with 400', () => {
  it.each([
    ['where[title][near]=1,2', /near/],
    ['where[title][within]=x', /within/],
    ['where[publishedAt][intersects]=x', /intersects/],
    ['where[title][all]=x', /all/],
    ['where[id][in]=abc', /只能是数字/],
    ['where[title][equals][0]=a&where[title][equals][1]=b', /格式不对/],
    ['where[or][0]=x', /条件的对象/],
  ])('%s', async (query, reason) => {
    for (const options of [{ token }, {}]) {
      const res = await rest.get(`/news?${query}`, options)
      expect(res.status).toBe(400)
      expect(res.json.errors[0].message).toMatch(/^查询条件无效/)
      expect(res.json.errors[0].message).toMatch(reason)
    }
  })
  it('ordinary filters still work', async () => {
    const res = await rest.get('/news?where[or][0][title][like]=新闻&where[or][1][id][in]=1,2', { token })
    expect(res.status).toBe(200)
  })
})

describe('a body that is not a JSON object is refused with 400', () => {
  it.each([
    ['text/plain', '{"title":"x"}'],
    ['application/x-www-form-urlencoded', 'title=x'],
    ['application/json', '"a string"'],
    ['application/json', 'null'],
  ])('%s %s', async (type, body) => {
    const request = new Request('http://localhost:3000/api/news', { method: 'POST', headers: { 'Content-Type': type, Authorization: `JWT ${token}` }, body })
    const response = await REST_POST(t.config)(request, { params: Promise.resolve({ slug: ['news'] }) })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toContain('请求内容应为 JSON 对象')
  })
})
