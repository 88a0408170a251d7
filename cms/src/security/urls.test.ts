// Links editors type anywhere end up as <a href> on every portal page and in the 报送材料包:
// only web addresses and portal paths are accepted (mailto:/tel: where that is the point),
// and phone fields hold phone numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../seed/lexical'
import { createDoc, createStaff, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let editor: string
let admin: string

const attacks = ['javascript:alert(document.domain)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/', '/\\evil.example/']

/** Every field error of a refused request, with the Chinese messages editors read. */
const fieldErrors = (json: any): { path: string; message: string }[] => json.errors?.flatMap((e: any) => e.data?.errors ?? []) ?? []

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  editor = await rest.login(staff.editor.email, testPassword)
  admin = await rest.login(staff.admin.email, testPassword)
})
afterAll(() => t?.close())

describe('navigation links lead to http(s) addresses or portal paths only', () => {
  it.each(attacks)('refuses %j', async (url) => {
    const res = await rest.post('/globals/navigation', { token: editor, body: { items: [{ label: '首页', url }] } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.json)[0]?.message).toMatch(/http|站内路径/)
    const stored = await t.payload.findGlobal({ slug: 'navigation' })
    expect(JSON.stringify(stored.items ?? [])).not.toContain(url.trim())
  })
  it('accepts portal paths and web addresses, trimming stray spaces', async () => {
    const items = [
      { label: '工作站', url: '/workstations' },
      { label: '省高院', url: ' https://www.ahcourt.gov.cn/ ' },
    ]
    const res = await rest.post('/globals/navigation', { token: editor, body: { items } })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.result.items.map((i: any) => i.url)).toEqual(['/workstations', 'https://www.ahcourt.gov.cn/'])
  })
})

describe('site-settings phone holds a phone number only', () => {
  it('refuses the script that was printed in the 报送材料包', async () => {
    const res = await rest.post('/globals/site-settings', { token: admin, body: { phone: 'javascript:alert(1)//0551-12345678' } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.json)[0]).toMatchObject({ path: 'phone', message: expect.stringContaining('联系电话只能填写电话号码') })
  })
  it('accepts an ordinary number', async () => {
    const res = await rest.post('/globals/site-settings', { token: admin, body: { phone: '0551-12345678' } })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
  })
  it('holds for workstation phones too', async () => {
    const station = await createDoc(t.payload, 'workstations', '电话')
    const res = await rest.patch(`/workstations/${station.id}`, { token: editor, body: { phone: 'javascript:alert(1)' } })
    expect(res.status).toBe(400)
  })
})

describe('outlet websites and 外宣报送 links are web addresses', () => {
  it.each(attacks)('outlet website refuses %j', async (website) => {
    const res = await rest.post('/outlets', { token: editor, body: { name: `媒体 ${website}`, level: 'county', kind: 'media', website } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.json)[0]).toMatchObject({ path: 'website', message: expect.stringContaining('http') })
  })
  it('a submission link refuses javascript: and accepts https', async () => {
    const item = await createDoc(t.payload, 'news', '外宣链接', { status: 'published', owner: staff.editor.id })
    const outlet = (await t.payload.create({ collection: 'outlets', data: { name: '测试媒体', level: 'county', kind: 'media' } })).id
    const body = (url: string) => ({ item: { relationTo: 'news', value: item.id }, outlet, status: 'pending', url })
    const bad = await rest.post('/submissions', { token: editor, body: body('javascript:alert(1)') })
    expect(bad.status).toBe(400)
    expect(fieldErrors(bad.json)[0]?.path).toBe('url')
    const good = await rest.post('/submissions', { token: editor, body: body('https://www.xinhuanet.com/a.htm') })
    expect(good.status, JSON.stringify(good.json)).toBe(201)
  })
})

describe('links inside article bodies obey the same rule', () => {
  const withLink = (url: string) => {
    const body = paragraphsToLexical(['正文。'])
    const paragraph = body.root.children[0] as any
    paragraph.children.push({
      type: 'link',
      version: 3,
      fields: { linkType: 'custom', url, newTab: false },
      children: [{ type: 'text', text: '点这里', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
      direction: 'ltr',
      format: '',
      indent: 0,
    })
    return body
  }
  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil.example/'])('refuses %j in a news body', async (url) => {
    const news = await createDoc(t.payload, 'news', `链接 ${url}`, { status: 'draft', owner: staff.editor.id })
    const res = await rest.patch(`/news/${news.id}?draft=true`, { token: editor, body: { body: withLink(url) } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.json)[0]?.path).toBe('body')
  })
  it.each(['https://www.chinacourt.org/', '/workstations', 'mailto:xcb@court.example', 'tel:12368'])('accepts %j', async (url) => {
    const news = await createDoc(t.payload, 'news', `好链接 ${url}`, { status: 'draft', owner: staff.editor.id })
    const res = await rest.patch(`/news/${news.id}?draft=true`, { token: editor, body: { body: withLink(url) } })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
  })
})
