// The 三审 steps as people take them: in the admin, in Chromium, on the built CMS.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { cmsSession, seedPassword, startSeededCms } from '../helpers/portal'
import type { RunningCms } from '../helpers/server'

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

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  await page.goto(`${cms.url}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', seedPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

async function chooseStep(page: Page, step: string, comment?: string) {
  await page.locator('#field-workflowAction').click()
  await page.getByText(step, { exact: true }).click()
  if (comment) await page.fill('#field-workflowComment', comment)
  await page.getByRole('button', { name: '保存草稿' }).click()
}

it('a reviewer approves a submitted item from its edit view, and it shows in the 审签记录', async () => {
  const admin = await cmsSession(cms)
  const item = (await admin.get('/news?draft=true&limit=1&where[workflowState][equals]=submitted')).docs[0]
  const page = await signIn('reviewer@example.com')
  // The dashboard queue lists it.
  await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(item.title)

  await page.goto(`${cms.url}/admin/collections/news/${item.id}`)
  await chooseStep(page, '审核通过', '同意，可以报签。')
  await expect.poll(async () => (await admin.get(`/news/${item.id}?draft=true`)).workflowState, { timeout: 15_000 }).toBe('reviewed')
  await page.reload()
  await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('同意，可以报签。')
  await page.close()
}, 120_000)

it('a return without a reason is refused on screen and changes nothing', async () => {
  const admin = await cmsSession(cms)
  // A 工作站故事 awaiting review: the test above has already moved the seed's submitted news on.
  const item = (await admin.get('/stories?draft=true&limit=1&where[workflowState][equals]=submitted')).docs[0]
  const page = await signIn('reviewer@example.com')
  await page.goto(`${cms.url}/admin/collections/stories/${item.id}`)
  await chooseStep(page, '退回')
  await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('必须填写审签意见')
  expect((await admin.get(`/stories/${item.id}?draft=true`)).workflowState).toBe('submitted')
  await page.close()
}, 120_000)
