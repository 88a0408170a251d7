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
const internalLink = (relationTo: string, value: unknown, label: string) => ({
  type: 'link',
  fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
  children: [text(label)],
  format: '',
  indent: 0,
  version: 3,
  direction: 'ltr',
})
const relationship = (relationTo: string, value: unknown) => ({ type: 'relationship', relationTo, value, format: '', version: 2 })
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

  it('renders nothing for node types the portal does not know, not the converter\'s "unknown node"', () => {
    const html = richTextToHtml(doc(paragraph(text('前文')), { type: 'some-future-embed', version: 1 }, paragraph(text('后文'))))
    expect(html).toBe('<p>前文</p><p>后文</p>')
  })

  it('keeps no inline style from the converter: alignment dropped, underline and strikethrough as <u> and <s>', () => {
    const centred = { ...paragraph(text('居中'), text('下划线', 8), text('删除线', 4)), format: 'center' }
    const html = richTextToHtml(doc(centred))
    expect(html).not.toMatch(/style=/i)
    expect(html).toBe('<p>居中<u>下划线</u><s>删除线</s></p>')
  })

  it('links internal links to the target\'s portal page', () => {
    const html = richTextToHtml(
      doc(paragraph(
        internalLink('news', { id: 3, slug: 'tiaojie-2025', title: '调解' }, '这篇报道'),
        internalLink('workstations', { id: 1, slug: 'xiaoyuan', name: '小院工作站' }, '工作站'),
        internalLink('families', { id: 2, slug: 'wang', familyName: '王家' }, '王家'),
      )),
    )
    expect(html).toBe('<p><a href="/news/tiaojie-2025/">这篇报道</a><a href="/workstations/xiaoyuan/">工作站</a><a href="/families/wang/">王家</a></p>')
  })

  it('turns links to unpublished, deleted or page-less targets into plain text', () => {
    // The CMS gives a bare id for a target the public may not read (a draft) or that is gone.
    const html = richTextToHtml(
      doc(paragraph(internalLink('news', 42, '草稿'), text('，'), internalLink('news', null, '已删除'), text('，'), internalLink('media', { id: 5, filename: 'a.jpg' }, '图片'))),
    )
    expect(html).toBe('<p>草稿，已删除，图片</p>')
  })

  it('renders a relationship as a link card, and nothing for an unpublished one', () => {
    const html = richTextToHtml(doc(relationship('stories', { id: 7, slug: 'gushi', title: '一杯茶的调解' }), relationship('events', 9)))
    expect(html).toBe('<p class="link-card"><a href="/stories/gushi/"><span class="link-card-section">工作站故事</span>一杯茶的调解</a></p>')
  })

  it('escapes what a linked document brings (title, slug)', () => {
    const html = richTextToHtml(doc(relationship('news', { id: 1, slug: 'x"onmouseover="alert(1)', title: '<img src=x onerror=alert(1)>' })))
    expect(html).toBe(
      '<p class="link-card"><a href="/news/x&quot;onmouseover=&quot;alert(1)/"><span class="link-card-section">新闻动态</span>&lt;img src=x onerror=alert(1)&gt;</a></p>',
    )
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
