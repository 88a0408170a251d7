// The admin as the publicity office uses it every day, in Chromium, on the built CMS (next start),
// as each role concerned: one status, one button per allowed step, problems kept on the item,
// 我的稿件, defaults, Chinese wording, the 审签单, approval on a phone and dashboard freshness.
// One server and one seeded database for the whole file; each test arranges its own items.
import fs from 'node:fs'
import path from 'node:path'

import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../../cms/src/seed/lexical'
import { launchChromium } from '../helpers/browser'
import { cmsSession, seedPassword, startSeededCms } from '../helpers/portal'
import type { RunningCms } from '../helpers/server'

let cms: RunningCms
let browser: Browser
let admin: Awaited<ReturnType<typeof cmsSession>>
let columnId: number

const shotsDir = path.resolve(import.meta.dirname, '../screenshots/admin')
const desktop = { width: 1366, height: 768 }
const phone = { width: 390, height: 844 }
type Who = 'contributor' | 'editor' | 'reviewer' | 'approver' | 'admin'

beforeAll(async () => {
  cms = await startSeededCms()
  browser = await launchChromium()
  admin = await cmsSession(cms)
  columnId = (await admin.get('/columns?limit=1&sort=order')).docs[0].id
  fs.mkdirSync(shotsDir, { recursive: true })
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await cms?.stop()
})

async function signIn(who: Who, viewport = desktop): Promise<Page> {
  // The court's staff work in Beijing time; so do their browsers.
  const page = await browser.newPage({ viewport, timezoneId: 'Asia/Shanghai' })
  await page.goto(`${cms.url}/admin/login`)
  await page.fill('input[name="email"]', `${who}@example.com`)
  await page.fill('input[name="password"]', seedPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

const text = (page: Page) => page.locator('body').innerText()
/** The view has finished loading: no request in flight for half a second (Playwright's network idle). */
const settled = (page: Page) => page.waitForLoadState('networkidle')
const session = (who: Who) => cmsSession(cms, `${who}@example.com`)

/** A news item written by `author` and taken as far as `to` by the roles whose step it is. */
async function news(title: string, to: 'draft' | 'submitted' | 'reviewed' | 'returned', extra: Record<string, unknown> = {}, author: Who = 'editor') {
  const writer = await session(author)
  const data = { title, column: columnId, publishedAt: '2026-11-30T09:00:00+08:00', body: paragraphsToLexical([`${title}的正文。`]), ...extra }
  const { doc } = await writer.post('/news?draft=true', { ...data, _status: 'draft', ...(to === 'draft' ? {} : { workflowAction: 'submit' }) })
  const reviewer = await session('reviewer')
  if (to === 'reviewed') await reviewer.patch(`/news/${doc.id}?draft=true`, { workflowAction: 'approve' })
  if (to === 'returned') await reviewer.patch(`/news/${doc.id}?draft=true`, { workflowAction: 'return', workflowComment: '请补充调解双方的同意书。' })
  return doc as { id: number; title: string }
}

const state = async (id: number, collection = 'news') => (await admin.get(`/${collection}/${id}?draft=true&depth=0`)).workflowState
const editView = (page: Page, id: number, collection = 'news') => page.goto(`${cms.url}/admin/collections/${collection}/${id}`)
const buttons = async (page: Page) => {
  await page.locator('.workflow-actions__buttons').waitFor({ timeout: 30_000 })
  return page.locator('.workflow-actions__buttons button').allInnerTexts()
}

describe('1–2: one status, and only the steps this role may take', () => {
  it('a reviewer sees 待审核, is offered 审核通过 and 退回 (no 签发, no 撤稿), and is told what happened', async () => {
    const item = await news('审核人待审的新闻', 'submitted')
    const page = await signIn('reviewer')
    await editView(page, item.id)
    expect(await buttons(page)).toEqual(['保存草稿', '审核通过', '退回'])
    await expect.poll(() => page.locator('.doc-controls__status').innerText(), { timeout: 15_000 }).toContain('审签状态：待审核')
    const body = await text(page)
    expect(body).not.toContain('状态：草稿')
    expect(body).not.toContain('发布修改')
    expect(body).not.toContain('审签操作')

    await page.getByRole('button', { name: '审核通过' }).click()
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('已审核通过，等待签发人签发。')
    expect(await state(item.id)).toBe('reviewed')
    await expect.poll(() => page.locator('.doc-controls__status').innerText(), { timeout: 15_000 }).toContain('待签发')
    // Now only the signer moves it on; the reviewer may still send it back (the rules say so), nothing else.
    await expect.poll(() => buttons(page), { timeout: 15_000 }).toEqual(['退回'])
    await page.close()
  })

  it('a signer is offered 签发并发布 and 退回, and the item shows 已发布 after', async () => {
    const item = await news('签发人待签的新闻', 'reviewed')
    const page = await signIn('approver')
    await editView(page, item.id)
    expect(await buttons(page)).toEqual(['保存草稿', '签发并发布', '退回', '定时发布…'])
    await page.getByRole('button', { name: '签发并发布' }).click()
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('已签发并发布，门户即将更新。')
    expect(await state(item.id)).toBe('published')
    await expect.poll(() => page.locator('.doc-controls__status').innerText(), { timeout: 15_000 }).toContain('已发布')
    expect(await buttons(page)).toEqual(['保存修改稿', '发布修改', '撤稿'])
    await page.close()
  })

  it('a contributor is offered 提交审核 on a new item, and nothing on it once submitted', async () => {
    const item = await news('通讯员的来稿', 'draft', {}, 'contributor')
    const page = await signIn('contributor')
    await editView(page, item.id)
    expect(await buttons(page)).toEqual(['保存草稿', '提交审核'])
    await page.getByRole('button', { name: '提交审核' }).click()
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('已提交审核，等待审核人处理。')
    expect(await state(item.id)).toBe('submitted')
    await page.close()
  })
})

describe('4: returned items', () => {
  it('a return needs a reason; its author then sees it at the top of the item', async () => {
    const item = await news('要退回的新闻', 'submitted', {}, 'contributor')
    const reviewer = await signIn('reviewer')
    await editView(reviewer, item.id)
    await reviewer.getByRole('button', { name: '退回', exact: true }).click()
    await reviewer.getByRole('button', { name: '确认退回' }).click()
    await expect.poll(() => text(reviewer), { timeout: 15_000 }).toContain('请填写退回原因')
    expect(await state(item.id)).toBe('submitted')
    await reviewer.fill('#workflow-reason', '标题与正文不符，请修改标题。')
    await reviewer.getByRole('button', { name: '确认退回' }).click()
    await expect.poll(() => text(reviewer), { timeout: 15_000 }).toContain('已退回')
    expect(await state(item.id)).toBe('returned')
    await reviewer.close()

    const author = await signIn('contributor')
    await editView(author, item.id)
    const banner = author.locator('.workflow-notices__panel--returned')
    await expect.poll(() => banner.innerText(), { timeout: 30_000 }).toContain('标题与正文不符，请修改标题。')
    expect(await banner.innerText()).toContain('审核 赵某')
    // It is above the fields, not only in the 审签记录 at the bottom.
    const bannerTop = (await banner.boundingBox())!.y
    const titleTop = (await author.locator('#field-title').boundingBox())!.y
    expect(bannerTop).toBeLessThan(titleTop)
    await author.close()
  })
})

describe('3: problems stay on the item', () => {
  it('a refused 签发 leaves the check list on the item, after a reload too, each linking to its field or image', async () => {
    const photo = (await admin.get('/media?limit=1&sort=id')).docs[0]
    const item = await news('有问题的新闻', 'reviewed', {
      cover: photo.id,
      body: paragraphsToLexical(['当事人电话13912345678。']),
    })
    // An image that lost its alt text later must be named, with a link to it.
    await admin.patch(`/media/${photo.id}`, { alt: '（待补充：导入的图片 1，请填写替代文字）' })
    const page = await signIn('approver')
    await editView(page, item.id)
    await page.getByRole('button', { name: '签发并发布' }).click()
    const panel = page.locator('.workflow-notices__panel--checks')
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toContain('须修改后才能发布')
    expect(await state(item.id)).toBe('reviewed')
    // The refusal's toast comes and goes; the list must outlast it.
    const toasts = page.locator('.payload-toast-item')
    await toasts.first().waitFor({ state: 'visible', timeout: 30_000 })
    await expect.poll(() => toasts.count(), { timeout: 30_000 }).toBe(0)
    expect(await panel.innerText()).toContain('139')
    await page.reload()
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toContain('139')
    expect(await panel.innerText()).toContain(`在图片库中打开“${photo.filename}”`)
    expect(await panel.innerText()).not.toMatch(/编号 \d+/)
    expect(await panel.locator(`a[href$="/collections/media/${photo.id}"]`).count()).toBe(1)
    expect(await panel.locator('button.workflow-notices__place', { hasText: '正文' }).count()).toBeGreaterThan(0)
    await page.close()
    await admin.patch(`/media/${photo.id}`, { alt: '演示图片' })
  })
})

describe('5: 我的稿件', () => {
  it('the contributor’s dashboard lists all their items with their state and whom they wait for', async () => {
    const submitted = await news('我的待审稿件', 'submitted', {}, 'contributor')
    const page = await signIn('contributor')
    const mine = page.locator('#queue-mine')
    await expect.poll(() => mine.innerText(), { timeout: 30_000 }).toContain(submitted.title)
    const row = mine.locator('tr', { hasText: submitted.title })
    expect(await row.innerText()).toContain('待审核')
    expect(await row.innerText()).toContain('审核人')
    await page.close()
  })
})

describe('6: defaults', () => {
  it('签发 fills an empty 发布时间 with the moment of signing', async () => {
    const item = await news('未填发布时间的新闻', 'reviewed', { publishedAt: null })
    const page = await signIn('approver')
    await editView(page, item.id)
    const before = Date.now()
    await page.getByRole('button', { name: '签发并发布' }).click()
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('已签发并发布')
    const publishedAt = new Date((await admin.get(`/news/${item.id}?depth=0`)).publishedAt).getTime()
    expect(publishedAt).toBeGreaterThan(before - 60_000)
    await page.close()
  })

  it('a Word import proposes a summary and keeps its notes on the item, after a reload too', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: '湖东镇调解一起邻里纠纷', heading: HeadingLevel.HEADING_1 }), new Paragraph('法官走进村委会，当场化解纠纷。')] }] }))
    const file = path.join(cms.dir, '调解.docx')
    fs.writeFileSync(file, docx)
    const page = await signIn('contributor')
    await page.goto(`${cms.url}/admin/collections/news`)
    await page.locator('input[type="file"]').setInputFiles(file)
    await page.waitForURL(/\/admin\/collections\/news\/\d+/, { timeout: 60_000 })
    const notes = page.locator('.workflow-notices__panel--import')
    await expect.poll(() => notes.innerText(), { timeout: 30_000 }).toContain('已用正文第一段生成摘要')
    await page.reload()
    await expect.poll(() => notes.innerText(), { timeout: 30_000 }).toContain('已用正文第一段生成摘要')
    expect(await page.locator('#field-summary').inputValue()).toContain('法官走进村委会')
    await page.close()
  })
})

describe('7: wording', () => {
  it('the lock dialog names the colleague and gives Beijing time; media list has an ID column; no stock English', async () => {
    const item = await news('两人同时打开的新闻', 'submitted')
    const first = await signIn('reviewer')
    await editView(first, item.id)
    await buttons(first)
    // Payload locks an item when its editor starts changing it.
    await first.fill('#field-title', '两人同时打开的新闻（修改中）')
    await expect.poll(async () => (await admin.get(`/payload-locked-documents?where[document.value][equals]=${item.id}`)).totalDocs, { timeout: 30_000 }).toBe(1)
    const second = await signIn('admin')
    await editView(second, item.id)
    const dialog = second.locator('.document-locked')
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toContain('审核 赵某')
    expect(await dialog.innerText()).toContain('（北京时间）')
    expect(await dialog.innerText()).not.toContain('@example.com')
    expect(await dialog.innerText()).not.toMatch(/AM|PM/)
    await first.close()

    await second.goto(`${cms.url}/admin/collections/media`)
    await expect.poll(() => second.locator('table thead').innerText(), { timeout: 30_000 }).toContain('ID')
    await second.goto(`${cms.url}/admin/account`)
    await expect.poll(() => text(second), { timeout: 30_000 }).toContain('后台设置')
    expect(await text(second)).not.toContain('Payload')
    await second.close()
  })
})

describe('8: 审签单', () => {
  it('has 初审 复审 终审 with signature lines', async () => {
    const item = await news('打印审签单的新闻', 'reviewed')
    const page = await signIn('approver')
    await page.goto(`${cms.url}/api/signoffs/record/news/${item.id}`)
    const sheet = await text(page)
    for (const stage of ['初审', '复审', '终审']) expect(sheet).toContain(stage)
    expect(sheet.match(/签名：/g)).toHaveLength(3)
    expect(sheet).toContain('审核 赵某')
    await page.close()
  })
})

describe('9: approval on a phone', () => {
  it('at 390×844 the 待我签发 list and the 签发并发布 / 退回 buttons are reachable, nothing clipped', async () => {
    const item = await news('手机上签发的新闻', 'reviewed')
    const page = await signIn('approver', phone)
    const queue = page.locator('#queue-sign')
    await expect.poll(() => queue.innerText(), { timeout: 30_000 }).toContain(item.title)
    await queue.getByRole('link', { name: item.title }).click()
    await page.waitForURL(new RegExp(`/collections/news/${item.id}`))
    await buttons(page)
    for (const name of ['签发并发布', '退回']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    await page.getByRole('button', { name: '签发并发布' }).click()
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('已签发并发布')
    await page.close()
  })
})

describe('10: dashboard freshness', () => {
  it('an upcoming event does not count as the home page’s newest item', async () => {
    const editor = await session('editor')
    const reviewer = await session('reviewer')
    const approver = await session('approver')
    const startAt = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000).toISOString()
    const event = { title: '下月的法治宣传活动', startAt, venueKind: 'community', format: 'lecture', body: paragraphsToLexical(['活动介绍。']) }
    const created = await editor.post('/events?draft=true', { ...event, _status: 'draft', workflowAction: 'submit' }).catch((error: Error) => error)
    if (created instanceof Error) throw created
    await reviewer.patch(`/events/${created.doc.id}?draft=true`, { workflowAction: 'approve' })
    await approver.patch(`/events/${created.doc.id}`, { _status: 'published' })
    const page = await signIn('admin')
    await expect.poll(() => text(page), { timeout: 30_000 }).toContain('首页')
    expect(await text(page)).not.toContain(event.title)
    await page.close()
  })
})

describe('screenshots of each role’s dashboard and edit view', () => {
  it.each(['contributor', 'editor', 'reviewer', 'approver', 'admin'] as const)('%s', async (who) => {
    const item = await news(`${who} 的截图稿件`, who === 'approver' ? 'reviewed' : who === 'reviewer' ? 'submitted' : who === 'contributor' ? 'returned' : 'draft', {}, who === 'contributor' ? 'contributor' : 'editor')
    // One sign-in per role; the phone views are the same session at the phone's size.
    const page = await signIn(who)
    for (const [name, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
      await page.setViewportSize(viewport)
      if (name !== 'desktop') await page.goto(`${cms.url}/admin`)
      await settled(page)
      await page.screenshot({ path: path.join(shotsDir, `${who}-dashboard-${name}.png`) })
      await editView(page, item.id)
      await buttons(page).catch(() => undefined)
      await settled(page)
      await page.screenshot({ path: path.join(shotsDir, `${who}-edit-${name}.png`) })
    }
    await page.close()
  })
})
