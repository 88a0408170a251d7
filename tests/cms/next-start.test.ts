// The production server on a database that has never been touched: migrations must create the schema.
import { afterAll, beforeAll, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { type RunningCms, startBuiltCms } from '../helpers/server'

let cms: RunningCms
beforeAll(async () => {
  cms = await startBuiltCms()
})
afterAll(() => cms?.stop())

it('answers /api/news with 200 and an empty list on a fresh database', async () => {
  const response = await fetch(`${cms.url}/api/news`)
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.totalDocs).toBe(0)
  expect(cms.output()).not.toMatch(/no such table/i)
})

it('answers every public collection and both globals', async () => {
  for (const path of ['stories', 'events', 'families', 'media', 'columns', 'workstations', 'globals/site-settings', 'globals/navigation']) {
    const response = await fetch(`${cms.url}/api/${path}`)
    expect(response.status, path).toBe(200)
  }
})

it('serves the admin in Simplified Chinese, starting with the first-user screen', async () => {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ locale: 'en-US' })
    const response = await page.goto(`${cms.url}/admin`, { waitUntil: 'networkidle' })
    expect(response?.status()).toBeLessThan(400)
    expect(page.url()).toContain('/admin/create-first-user')
    // The browser asks for English; the admin still answers in Chinese.
    expect(await page.locator('body').innerText()).toContain('首先，请创建您的第一个用户')
    expect(await page.title()).toContain('湖西县人民法院宣传平台')
  } finally {
    await browser.close()
  }
})

it('switches to English for a user who chose it (payload-lng cookie)', async () => {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ locale: 'zh-CN' })
    await context.addCookies([{ name: 'payload-lng', value: 'en', url: cms.url }])
    const page = await context.newPage()
    await page.goto(`${cms.url}/admin/create-first-user`, { waitUntil: 'networkidle' })
    expect(await page.locator('body').innerText()).toContain('To begin, create your first user')
  } finally {
    await browser.close()
  }
})
