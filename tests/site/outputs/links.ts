// Links in article bodies as built from the CMS: internal links point at the target's page (the
// loader fetches enough of it to know), links to drafts read as text, related items as cards.
import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { builtFile, type PortalUnderTest } from './context'

export function describeBodyLinks(portal: () => PortalUnderTest) {
  describe('links in article bodies', () => {
    it('link published items to their portal page, drafts as plain text, related items as a link card', () => {
      const { client, linking } = portal()
      const html = fs.readFileSync(builtFile(client, `/news/${linking.slug}/`), 'utf8')
      expect(html).toContain(`<a href="/news/${linking.linkedSlug}/">相关报道</a>`)
      expect(html).toContain(`和${linking.unpublishedLabel}。`)
      expect(html).not.toMatch(/href="#"|unknown node/)
      const title = linking.storyTitle.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
      expect(html).toContain(`<p class="link-card"><a href="/stories/${linking.storySlug}/"><span class="link-card-section">工作站故事</span>${title}</a></p>`)
    })
  })
}
