import { describe, expect, it } from 'vitest'

import { richTextToHtml } from './richText'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0 })
const link = (url: string, label: string) => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab: false },
  children: [text(label)],
  format: '',
  indent: 0,
  version: 3,
  direction: 'ltr',
})
const doc = (...children: unknown[]) => ({ root: { type: 'root', children, format: '', indent: 0, version: 1, direction: 'ltr' } })

describe('richTextToHtml', () => {
  it('renders paragraphs, headings and bold text', () => {
    const html = richTextToHtml(
      doc({ type: 'heading', tag: 'h2', children: [text('诉源治理')], format: '', indent: 0, version: 1 }, paragraph(text('小事不出村'), text('大事不出镇', 1))),
    )
    expect(html).toBe('<h2>诉源治理</h2><p>小事不出村<strong>大事不出镇</strong></p>')
  })

  it('shows typed markup as text, never as markup', () => {
    const html = richTextToHtml(doc(paragraph(text('<script>alert(1)</script><img src=x onerror="alert(2)">'))))
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain('&lt;script&gt;')
  })

  it('drops javascript: and data: links but keeps safe ones', () => {
    const html = richTextToHtml(
      doc(paragraph(link('javascript:alert(1)', '点我'), link('data:text/html,<script>alert(1)</script>', '数据'), link('https://www.court.gov.cn/', '最高法'))),
    )
    expect(html).not.toMatch(/javascript:|data:/i)
    expect(html).toContain('<a href="https://www.court.gov.cn/" rel="noopener noreferrer">最高法</a>')
    expect(html).toContain('点我')
  })

  it('strips raw HTML nodes and event handlers a converter might pass through', () => {
    const html = richTextToHtml(
      doc({ type: 'paragraph', children: [{ type: 'unknown-embed', html: '<iframe src="https://evil.example"></iframe>' }], format: '', indent: 0, version: 1 }),
    )
    expect(html).not.toMatch(/iframe|onerror|onclick/i)
  })

  it('renders body images from the site media folder with alt text', () => {
    const html = richTextToHtml(
      doc({
        type: 'upload',
        relationTo: 'media',
        value: { filename: 'a.jpg', width: 4000, height: 3000, alt: '调解现场" onerror="x', caption: '<b>法官</b>调解', sizes: { card: { filename: 'a-800.webp', width: 800, height: 533 }, hero: { filename: 'a-1600.webp', width: 1600, height: 1200 } } },
        format: '',
        version: 3,
      }),
    )
    expect(html).toContain('src="/media/a-800.webp"')
    expect(html).toContain('srcset="/media/a-800.webp 800w, /media/a-1600.webp 1600w"')
    expect(html).toContain('width="800" height="533"')
    expect(html).not.toContain('a.jpg')
    expect(html).not.toMatch(/\sonerror="/) // only as escaped text inside alt
    expect(html).toContain('alt="调解现场&quot; onerror=&quot;x"')
    expect(html).toContain('<figcaption>&lt;b&gt;法官&lt;/b&gt;调解</figcaption>')
  })

  it('returns an empty string for missing bodies', () => {
    expect(richTextToHtml(null)).toBe('')
    expect(richTextToHtml({})).toBe('')
  })
})
