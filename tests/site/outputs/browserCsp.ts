// The strict CSP in a real browser: the reading aids (reader.js and the inline settings script)
// and search still work, nothing on the page is refused, and injected inline script is.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import type { PortalUnderTest } from './context'

/** A page that records every CSP violation, as events and as console errors. */
async function watchedPage(portal: PortalUnderTest): Promise<{ page: Page; violations: string[] }> {
  const page = await portal.browser.newPage({ viewport: { width: 1280, height: 900 } })
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.exposeFunction('__reportCsp', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    )
  })
  return { page, violations }
}

export function describeBrowserCsp(portal: () => PortalUnderTest) {
  describe('content security policy in Chromium', () => {
    it('home, article and search work with no CSP violation: reader toolbar, saved settings, search', async () => {
      const p = portal()
      const { page, violations } = await watchedPage(p)
      await page.goto(`${p.url}/`)
      // The inline settings script ran before first paint (it marks <html>) and reader.js wired the buttons.
      expect(await page.evaluate(() => document.documentElement.classList.contains('reader-js'))).toBe(true)
      // The reader tools sit in the 无障碍 panel.
      await page.getByText('无障碍', { exact: true }).click()
      await page.getByRole('button', { name: /高对比/ }).click()
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast')

      await page.goto(`${p.url}/news/${p.linking.slug}/`)
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast')
      const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
      const before = await fontSize()
      await page.getByText('无障碍', { exact: true }).click()
      await page.getByRole('button', { name: /A\+|放大/ }).click()
      expect(await fontSize()).toBeGreaterThan(before)

      await page.goto(`${p.url}/search/?q=${encodeURIComponent('诉源治理')}`)
      await page.locator('[data-search-results] li').first().waitFor()
      expect(await page.locator('[data-search-status]').innerText()).toMatch(/找到 \d+ 条/)
      await page.close()
      expect(violations).toEqual([])
    })

    it('refuses script injected into a page', async () => {
      const p = portal()
      const { page, violations } = await watchedPage(p)
      await page.goto(`${p.url}/`)
      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__injected = 1'
        document.body.append(script)
      })
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()
      await page.close()
      expect(violations.some((v) => /script-src/.test(v))).toBe(true)
    })
  })
}
