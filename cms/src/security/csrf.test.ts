// A page on another site must not act with a signed-in person's cookie. Payload's csrf list
// (cms/src/security/origins.ts) decides from the Origin header, else from Sec-Fetch-Site.
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, type Staff, testPassword } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { trustedOrigins } from './origins'

let t: TestPayload
let post: ReturnType<typeof REST_POST>
let staff: Staff
let cookie: string

const cms = 'http://localhost:3000'

/** A cookie-authenticated multipart POST, as a form on some page would send it. */
async function createUserFrom(headers: Record<string, string>, label: string) {
  const form = new FormData()
  form.set('_payload', JSON.stringify({ email: `csrf-${label}@test.example`, password: 'Zq7-wVx2-Lm9p', name: label, role: 'admin' }))
  const request = new Request(`${cms}/api/users`, { method: 'POST', headers: { Cookie: cookie, ...headers }, body: form })
  const response = await post(request, { params: Promise.resolve({ slug: ['users'] }) })
  const created = await t.payload.find({ collection: 'users', where: { email: { equals: `csrf-${label}@test.example` } } })
  return { status: response.status, created: created.totalDocs }
}

beforeAll(async () => {
  t = await startTestPayload()
  post = REST_POST(t.config)
  staff = await createStaff(t.payload)
  const login = await post(
    new Request(`${cms}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: cms },
      body: JSON.stringify({ email: staff.admin.email, password: testPassword }),
    }),
    { params: Promise.resolve({ slug: ['users', 'login'] }) },
  )
  const token = /payload-token=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1]
  if (!token) throw new Error('no auth cookie')
  cookie = `payload-token=${token}`
})
afterAll(() => t?.close())

describe('cross-site requests cannot use the admin’s cookie', () => {
  it('refuses a multipart POST from http://evil.example that would create an admin', async () => {
    const res = await createUserFrom({ Origin: 'http://evil.example' }, 'evil')
    expect(res.status).toBe(403)
    expect(res.created).toBe(0)
  })
  it('refuses a request without Origin that the browser marks cross-site', async () => {
    const res = await createUserFrom({ 'Sec-Fetch-Site': 'cross-site' }, 'cross-site')
    expect(res.status).toBe(403)
    expect(res.created).toBe(0)
  })
  it('accepts the same request from the CMS itself', async () => {
    const res = await createUserFrom({ Origin: cms }, 'same-origin')
    expect(res.status).toBe(201)
    expect(res.created).toBe(1)
  })
})

describe('the allow-list is the CMS’s own origin and the portal’s', () => {
  it('uses CMS_PUBLIC_URL and SITE_URL when set', () => {
    expect(trustedOrigins({ CMS_PUBLIC_URL: 'https://cms.court.example/admin', SITE_URL: 'https://www.court.example/' })).toEqual([
      'https://cms.court.example',
      'https://www.court.example',
    ])
  })
  it('falls back to this machine on the port Next listens on', () => {
    expect(trustedOrigins({ PORT: '4123' })).toEqual(['http://localhost:4123', 'http://127.0.0.1:4123', 'http://localhost:4321'])
  })
  it('is what Payload enforces', () => {
    expect(t.config.csrf).toEqual(expect.arrayContaining(trustedOrigins()))
    expect(t.config.csrf).not.toContain('http://evil.example')
  })
})
