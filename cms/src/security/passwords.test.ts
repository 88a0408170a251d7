// Passwords: at least 10 characters, not the e-mail, not a common password — whichever way
// a password is set. Seeded demo accounts and test fixtures meet the same rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { passwordProblem } from './passwords'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let admin: string

const passwordError = (json: any): string | undefined =>
  json.errors?.flatMap((e: any) => e.data?.errors ?? []).find((e: any) => e.path === 'password')?.message

const weak: [string, string, RegExp][] = [
  ['too short', 'abc', /至少需要 10 个字符/],
  ['nine characters', 'Zq7-wVx2L', /至少需要 10 个字符/],
  ['a common password', 'qwertyuiop', /太常见/],
  ['a common password in capitals', 'PASSWORD123', /太常见/],
  ['a common Chinese password', 'woaini1314', /太常见/],
]

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  admin = await rest.login(staff.admin.email, testPassword)
})
afterAll(() => t?.close())

describe('a new account needs a sound password', () => {
  it.each(weak)('refuses %s', async (_, password, message) => {
    const res = await rest.post('/users', { token: admin, body: { email: 'new@test.example', password, name: '新用户', role: 'contributor' } })
    expect(res.status).toBe(400)
    expect(passwordError(res.json)).toMatch(message)
  })
  it('refuses the e-mail address as password', async () => {
    const email = 'li.moumou@court.example'
    const res = await rest.post('/users', { token: admin, body: { email, password: email, name: '李某某', role: 'contributor' } })
    expect(res.status).toBe(400)
    expect(passwordError(res.json)).toMatch(/不能与电子邮箱/)
  })
  it('accepts a sound one', async () => {
    const res = await rest.post('/users', { token: admin, body: { email: 'ok@test.example', password: 'Hu-xi-fa-yuan-7', name: '新用户', role: 'contributor' } })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
  })
})

describe('changing a password follows the same rule', () => {
  it('refuses a weak new password for one’s own account', async () => {
    const token = await rest.login(staff.editor.email, testPassword)
    const res = await rest.patch(`/users/${staff.editor.id}`, { token, body: { password: '12345' } })
    expect(res.status).toBe(400)
    expect(passwordError(res.json)).toMatch(/至少需要 10 个字符/)
    await rest.login(staff.editor.email, testPassword)
  })
  it('refuses the stored e-mail address even when the request does not name it', async () => {
    const res = await rest.patch(`/users/${staff.reviewer.id}`, { token: admin, body: { password: staff.reviewer.email } })
    expect(res.status).toBe(400)
    expect(passwordError(res.json)).toMatch(/不能与电子邮箱/)
  })
})

describe('resetting a password follows the same rule', () => {
  it('refuses a weak password with a valid reset token, and accepts a sound one', async () => {
    const token = await t.payload.forgotPassword({ collection: 'users', data: { email: staff.contributor.email }, disableEmail: true })
    const weakReset = await rest.post('/users/reset-password', { body: { token, password: 'abc' } })
    expect(weakReset.status).toBe(400)
    expect(passwordError(weakReset.json)).toMatch(/至少需要 10 个字符/)
    const asEmail = await rest.post('/users/reset-password', { body: { token, password: staff.contributor.email } })
    expect(passwordError(asEmail.json)).toMatch(/不能与电子邮箱/)
    const sound = await rest.post('/users/reset-password', { body: { token, password: 'Tong-xun-yuan-2025' } })
    expect(sound.status, JSON.stringify(sound.json)).toBe(200)
    await rest.login(staff.contributor.email, 'Tong-xun-yuan-2025')
  })
})

describe('the passwords the project itself sets meet the rule', () => {
  it('test fixtures and generated demo passwords', () => {
    expect(passwordProblem(testPassword, 'admin@test.example')).toBeNull()
    expect(passwordProblem('Portal-Test-Password-1')).toBeNull()
    expect(passwordProblem('Scheduled-Test-1')).toBeNull()
    expect(passwordProblem(`Ls-${'x'.repeat(12)}`)).toBeNull()
  })
})
