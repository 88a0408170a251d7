// The headers `next start` sends: the admin cannot be framed and runs under a CSP it works
// with (no violation in Chromium), uploads are inert, and the auth cookie is Secure over https.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { cmsSession, seedPassword, startSeededCms } from '../helpers/portal'
import { type RunningCms, startBuiltCms } from '../helpers/server'

let cms: RunningCms
let browser: Browser

beforeAll(async () => {
  cms = await startSeededCms()
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await cms?.stop()
})

const get = (path: string) => fetch(`${cms.url}${path}`, { redirect: 'manual' })

describe('every response refuses sniffing and framing', () => {
  it.each(['/admin/login', '/api/users/me', '/api/news?limit=1'])('%s', async (path) => {
    const { headers } = await get(path)
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('referrer-policy')).toBe('same-origin')
    expect(headers.get('x-powered-by')).toBeNull()
  })
  it('the admin has a CSP with frame-ancestors none and no plugins', async () => {
    const csp = (await get('/admin/login')).headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
  })
  it('an uploaded image opened on its own runs nothing', async () => {
    const { docs } = await (await cmsSession(cms)).get('/media?limit=1&depth=0')
    const { headers, status } = await get(`/api/media/file/${encodeURIComponent(docs[0].filename)}`)
    expect(status).toBe(200)
    expect(headers.get('content-security-policy')).toContain('sandbox')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('the admin works under its CSP', () => {
  it('signs in, shows the dashboard, a list and an edit view without a CSP violation', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP) ${e.violatedDirective} ${e.blockedURI}`))
    })
    await page.goto(`${cms.url}/admin/login`)
    await page.fill('input[name="email"]', 'editor@example.com')
    await page.fill('input[name="password"]', seedPassword)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('审签')
    await page.goto(`${cms.url}/admin/collections/news`)
    await page.locator('table').first().waitFor({ timeout: 30_000 })
    const { docs } = await (await cmsSession(cms, 'editor@example.com')).get('/news?limit=1&depth=0')
    await page.goto(`${cms.url}/admin/collections/news/${docs[0].id}`)
    await page.locator('#field-title').waitFor({ timeout: 30_000 }).catch(async (error) => {
      throw new Error(`${error.message}\n${page.url()}\n${violations.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 500)}`)
    })
    // Every script, style and request of the edit view has been tried once the network is idle.
    await page.waitForLoadState('networkidle')
    await page.goto(`${cms.url}/admin/collections/media`)
    await page.locator('table').first().waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    await page.close()
    expect(violations).toEqual([])
  }, 180_000)
})

describe('over https the auth cookie is Secure', () => {
  it('sets Secure on payload-token when CMS_PUBLIC_URL is https', async () => {
    const secure = await startBuiltCms({ CMS_PUBLIC_URL: 'https://cms.court.example' })
    try {
      const body = JSON.stringify({ email: 'admin@court.example', password: 'Hu-xi-Fa-yuan-2025', name: '管理员' })
      const registered = await fetch(`${secure.url}/api/users/first-register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
      expect(registered.status, await registered.clone().text()).toBeLessThan(300)
      const login = await fetch(`${secure.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
      expect(login.headers.get('set-cookie')).toMatch(/payload-token=[^;]+;.*Secure/i)
    } finally {
      await secure.stop()
    }
  }, 180_000)
})
