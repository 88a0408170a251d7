import { describe, expect, it } from 'vitest'

import { linkProblem, phoneProblem } from './url'

const hostile = [
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u200b:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.example/',
  '/\\evil.example/',
  '\\\\evil.example',
  'https:evil.example',
  'https://',
  'ftp://files.example/',
  'file:///etc/passwd',
  'evil.example',
  'https://exa mple.com',
  'https://example.com/\u202egnp.exe',
]

describe('linkProblem', () => {
  it.each(hostile)('refuses %j everywhere', (value) => {
    for (const kind of ['web', 'page', 'anyLink'] as const) expect(linkProblem(value, kind)).toMatch(/[\u4e00-\u9fff]/)
  })
  it('accepts http(s) addresses of any case', () => {
    for (const kind of ['web', 'page', 'anyLink'] as const) {
      expect(linkProblem('https://www.xinhuanet.com/local/2025-05/01/c_1.htm?from=a#p2', kind)).toBeNull()
      expect(linkProblem('HTTP://rmfyb.chinacourt.cn', kind)).toBeNull()
    }
  })
  it('accepts site-relative paths only where a page on the portal is meant', () => {
    expect(linkProblem('/workstations', 'page')).toBeNull()
    expect(linkProblem('/news/su-yuan-zhi-li/?a=1#x', 'anyLink')).toBeNull()
    expect(linkProblem('/workstations', 'web')).not.toBeNull()
  })
  it('accepts mailto: and tel: only in article links', () => {
    expect(linkProblem('mailto:xcb@court.example', 'anyLink')).toBeNull()
    expect(linkProblem('tel:0551-12345678', 'anyLink')).toBeNull()
    expect(linkProblem('mailto:xcb@court.example', 'page')).not.toBeNull()
    expect(linkProblem('tel:0551-12345678', 'web')).not.toBeNull()
    expect(linkProblem('tel:javascript', 'anyLink')).not.toBeNull()
  })
})

describe('phoneProblem', () => {
  it.each(['0551-12345678', '12368', '+86 551 1234 5678', '(0551) 12345678', '0551-1234567转8001', '0000-6120000（示例）', '0551-1234567、12368'])(
    'accepts %j',
    (value) => expect(phoneProblem(value)).toBeNull(),
  )
  it.each(['javascript:alert(1)//0551-12345678', 'tel:12368', '<img src=x onerror=alert(1)>', '12', '电话', '0551-1234567（请拨打 javascript:）'])(
    'refuses %j',
    (value) => expect(phoneProblem(value)).toMatch(/联系电话/),
  )
})
