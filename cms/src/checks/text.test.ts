// The text checks on their own: which numbers, words and marks they find, and which they leave alone.
import { describe, expect, it } from 'vitest'

import { defaultPublishChecks, notMistakes } from '../globals/publish-checks/defaults'
import { events } from '../seed/data/events'
import { families } from '../seed/data/families'
import { news } from '../seed/data/news'
import { stories } from '../seed/data/stories'
import { readRichText } from './lexical'
import { portalTarget } from './links'
import { findPersonalNumbers, maskNumber, normaliseNumber, numberProblems } from './numbers'
import { typographyProblems } from './typography'
import { wordChecker } from './words'

const kinds = (text: string) => findPersonalNumbers(text).map(({ kind, digits }) => `${kind}:${digits}`)

describe('personal numbers', () => {
  it('finds ID numbers with a valid check digit only (GB 11643)', () => {
    expect(kinds('身份证号11010519491231002X。')).toEqual(['id-number:11010519491231002X'])
    expect(kinds('身份证号110105 19491231 002x')).toEqual(['id-number:11010519491231002X'])
    expect(kinds('身份证号110105194912310021')).toEqual([])
  })

  it('never reports a mistyped ID number as a bank card, even when it passes Luhn', () => {
    // 110105194912310028 has a wrong check digit for an ID number but is Luhn-valid.
    expect(kinds('110105194912310028')).toEqual([])
  })

  it('finds mobile numbers however they are written', () => {
    for (const written of ['13912345678', '139 1234 5678', '139-1234-5678', '+86 139 1234 5678', '008613912345678', '１３９１２３４５６７８']) {
      expect(kinds(`电话${written}。`), written).toEqual(['mobile-number:13912345678'])
    }
    expect(kinds('2025 13912345678')).toEqual(['mobile-number:13912345678'])
  })

  it('leaves landlines, dates, case numbers and longer digit runs alone', () => {
    expect(kinds('电话0731-88886666，分机0731-88886666-8001')).toEqual([])
    expect(kinds('2025-06-01，（2025）湘0101民初1234号，12368')).toEqual([])
    expect(kinds('139123456789')).toEqual([])
    expect(kinds('12345678901')).toEqual([])
  })

  it('finds bank card numbers that pass the Luhn check', () => {
    expect(kinds('卡号6222021234567890128')).toEqual(['bank-card:6222021234567890128'])
    expect(kinds('卡号6222 0212 3456 7890 128')).toEqual(['bank-card:6222021234567890128'])
    expect(kinds('卡号6222021234567890127')).toEqual([])
  })

  it('shows the ends of a number and hides the middle', () => {
    const [id, mobile] = findPersonalNumbers('11010519491231002X 13912345678')
    expect(maskNumber(id)).toBe('110105********002X')
    expect(maskNumber(mobile)).toBe('139****5678')
  })

  it('lets through numbers on the allowed list, written any way', () => {
    const allowed = new Set(['+86 139-1234-5678'].map(normaliseNumber))
    expect(numberProblems({ where: '正文第1段', text: '热线13912345678' }, allowed)).toEqual([])
    expect(numberProblems({ where: '正文第1段', text: '热线13912345679' }, allowed)).toHaveLength(1)
  })
})

describe('banned words and 易错词', () => {
  const check = wordChecker({ ...defaultPublishChecks, notMistakes })
  const found = (text: string) => check({ where: '正文第1段', text }).map((p) => p.message)

  it('names the banned word and why', () => {
    expect(found('原告将被告推上被告席')).toEqual(['发现禁用词“推上被告席”（民事、行政案件中原告与被告诉讼地位平等，不使用带主观色彩的说法）'])
  })

  it('names the mistake and its correction, every one in the text', () => {
    expect(found('深入推进扫黑险恶，村长到场')).toEqual(['易错词“扫黑险恶”应改为“扫黑除恶”', '易错词“村长”应改为“村主任”'])
  })

  it('does not report a mistake inside a correct word', () => {
    expect(found('该村长期坚持乡村长效治理，依法惩治黑社会性质组织')).toEqual([])
    expect(found('涉黑社会团伙')).toEqual(['易错词“黑社会”应改为“黑社会性质组织”'])
  })

  it('reads lists the administrator wrote', () => {
    const custom = wordChecker({ bannedWords: [{ word: '某某词' }], correctionPairs: [{ wrong: '甲乙', right: '乙甲' }] })
    expect(custom({ where: '标题', text: '某某词与甲乙' }).map((p) => p.code)).toEqual(['banned-word', 'wrong-word'])
    expect(custom({ where: '标题', text: '扫黑险恶' })).toEqual([])
  })
})

describe('typography', () => {
  const codes = (text: string) => typographyProblems({ where: '摘要', text }).map((p) => p.code)

  it('warns about half-width marks in Chinese text', () => {
    expect(codes('法院,今天开庭.')).toEqual(['half-width-punctuation', 'half-width-punctuation'])
    expect(codes('案号为(2025)湘0101民初1号')).toEqual(['half-width-brackets'])
    expect(codes('他说"谢谢法官"')).toEqual(['straight-quotes'])
  })

  it('warns about repeated marks and dotted ellipses', () => {
    expect(codes('调解成功。。')).toEqual(['repeated-punctuation'])
    expect(codes('调解成功，。')).toEqual(['repeated-punctuation'])
    expect(codes('等等...')).toEqual(['ellipsis'])
  })

  it('leaves numbers, addresses and proper Chinese punctuation alone', () => {
    expect(codes('依据第1.2条，访问https://example.cn/a?x=1,2。真的吗？！……')).toEqual([])
  })

  it('quotes the place in its message', () => {
    expect(typographyProblems({ where: '摘要', text: '法院,今天' })[0].message).toBe('使用了半角逗号“,”，应为全角“，”：法院,今天')
  })
})

describe('rich text', () => {
  const node = (type: string, extra: object) => ({ type, version: 1, ...extra })
  const text = (t: string) => node('text', { text: t })
  const paragraph = (...children: object[]) => node('paragraph', { children })

  it('numbers the paragraphs an editor sees, and finds images and links', () => {
    const content = readRichText(
      {
        root: node('root', {
          children: [
            paragraph(text('第一段')),
            paragraph(),
            node('upload', { relationTo: 'media', value: 7 }),
            node('list', { children: [node('listitem', { children: [text('第'), node('link', { fields: { linkType: 'custom', url: '/news/a/' }, children: [text('二')] }), text('段')] })] }),
          ],
        }),
      },
      '正文',
    )
    expect(content.paragraphs).toEqual([
      { where: '正文第1段', text: '第一段' },
      { where: '正文第2段', text: '第二段' },
    ])
    expect(content.images).toEqual([{ id: 7, where: '正文第1张图片' }])
    expect(content.links).toEqual([{ kind: 'url', url: '/news/a/', text: '二', where: '正文第2段' }])
  })
})

describe('portal paths', () => {
  it('knows which URLs open an item of the portal', () => {
    expect(portalTarget('/news/fa-guan/')).toEqual({ collection: 'news', slug: 'fa-guan' })
    expect(portalTarget('/events/pu-fa.ics')).toEqual({ collection: 'events', slug: 'pu-fa' })
    expect(portalTarget('https://court.example/families/wang/#top', 'https://court.example')).toEqual({ collection: 'families', slug: 'wang' })
    expect(portalTarget('https://other.example/news/a/', 'https://court.example')).toBeNull()
    expect(portalTarget('/news/2/')).toBeNull()
    expect(portalTarget('/news/')).toBeNull()
    expect(portalTarget('/search/')).toBeNull()
  })
})

describe('the demo content', () => {
  it('passes the word and number checks: the default lists do not cry wolf', () => {
    const check = wordChecker({ ...defaultPublishChecks, notMistakes })
    const allowed = new Set(defaultPublishChecks.allowedNumbers.map(({ number }) => normaliseNumber(number)))
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []
    const texts = [news, stories, events, families].flatMap(strings)
    expect(texts.length).toBeGreaterThan(200)
    const problems = texts.flatMap((text) => [...check({ where: '', text }), ...numberProblems({ where: '', text }, allowed)])
    expect(problems).toEqual([])
  })
})
