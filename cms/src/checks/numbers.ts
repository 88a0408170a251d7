// Parties' personal numbers: resident ID numbers, mobile numbers and bank card numbers.
import validator from 'validator'

import type { Problem, Segment } from './problem'

export type NumberKind = 'id-number' | 'mobile-number' | 'bank-card'
export type FoundNumber = { kind: NumberKind; digits: string }

/** Digits possibly split by single spaces or dashes (“139 1234 5678”, “6222-0212-…”). */
const RUN = /(?<!\d)\d+(?:[ \u00a0\u3000\-‐‑–－]\d+)*(?!\d)/g
const SEPARATOR = /[ \u00a0\u3000\-‐‑–－]/

/** An 18-character number laid out as an ID number: region, a birth date, sequence, check. */
const ID_SHAPE = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/
/** Card numbers begin with a scheme's digit: 62 UnionPay, 4 Visa, 5 and 2 Mastercard, 3 JCB/Amex. */
const CARD_PREFIX = /^[2-6]/

const toAsciiDigits = (text: string) =>
  text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** Just the digits (and a final X), without +86/0086: how numbers are compared with the allowed list. */
export function normaliseNumber(value: string): string {
  const digits = toAsciiDigits(value).replace(/[^\dXx]/g, '').toUpperCase()
  const mobile = /^(?:0086|86)(1\d{10})$/.exec(digits)
  return mobile ? mobile[1] : digits
}

const sameShape = (groups: string[], lengths: number[]) =>
  groups.length === lengths.length && groups.every((g, i) => g.length === lengths[i])

/** What one written number is, given how its digits were grouped; null if none of ours. */
function classify(groups: string[]): FoundNumber | null {
  const digits = groups.join('')
  const single = groups.length === 1

  if (digits.length === 18 && (single || sameShape(groups, [6, 8, 4]))) {
    // Shaped like an ID number: it is one (valid check digit, GB 11643) or a mistyped one, never a card.
    return validator.isIdentityCard(digits, 'zh-CN') ? { kind: 'id-number', digits } : null
  }

  const withoutPrefix = groups[0] === '86' || groups[0] === '0086' ? groups.slice(1) : groups
  const mobile = normaliseNumber(withoutPrefix.join(''))
  const mobileShape = withoutPrefix.length === 1 || sameShape(withoutPrefix, [3, 4, 4])
  if (mobileShape && /^1[3-9]\d{9}$/.test(mobile) && validator.isMobilePhone(mobile, 'zh-CN')) {
    return { kind: 'mobile-number', digits: mobile }
  }

  // Cards are written whole or in fours (the last group may be shorter).
  const cardShape = single || groups.every((g, i) => (i < groups.length - 1 ? g.length === 4 : g.length <= 4))
  if (cardShape && /^\d{13,19}$/.test(digits) && CARD_PREFIX.test(digits) && validator.isLuhnNumber(digits)) {
    return { kind: 'bank-card', digits }
  }
  return null
}

/** Every personal number written in `text`, in order. */
export function findPersonalNumbers(text: string): FoundNumber[] {
  const ascii = toAsciiDigits(text)
  const found: FoundNumber[] = []
  for (const match of ascii.matchAll(RUN)) {
    const groups = match[0].split(SEPARATOR)
    // An ID number may end in X: take it when it completes 18 characters.
    const end = match.index + match[0].length
    if (/^[Xx](?![A-Za-z\d])/.test(ascii.slice(end, end + 2)) && groups.join('').length === 17) {
      groups[groups.length - 1] += 'X'
    }
    const whole = classify(groups)
    if (whole) {
      found.push(whole)
    } else if (groups.length > 1) {
      // Digits that do not make a number together may still hold one (“2025 13912345678”).
      for (const group of groups) {
        const part = classify([group])
        if (part) found.push(part)
      }
    }
  }
  return found
}

/** Shows where a number starts and ends, hides the middle: enough to find it, not to copy it. */
export function maskNumber({ kind, digits }: FoundNumber): string {
  const [head, tail] = kind === 'id-number' ? [6, 4] : kind === 'mobile-number' ? [3, 4] : [4, 4]
  return `${digits.slice(0, head)}${'*'.repeat(digits.length - head - tail)}${digits.slice(-tail)}`
}

const describe: Record<NumberKind, (shown: string) => string> = {
  'id-number': (n) => `发现居民身份证号码“${n}”，当事人的身份证号码不得公开`,
  'mobile-number': (n) =>
    `发现手机号码“${n}”，当事人的手机号码不得公开；如是可以公开的工作电话，请管理员在“发布检查”中加入允许公开的号码`,
  'bank-card': (n) => `发现银行卡号“${n}”，当事人的银行卡号不得公开`,
}

/** Personal numbers in one segment that are not on the allowed list. */
export function numberProblems({ where, text }: Segment, allowed: ReadonlySet<string>): Problem[] {
  return findPersonalNumbers(text)
    .filter((found) => !allowed.has(found.digits))
    .map((found) => ({ code: found.kind, where, message: describe[found.kind](maskNumber(found)) }))
}
