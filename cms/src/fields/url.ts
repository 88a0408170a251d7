import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

/**
 * What a link field may hold. Anything a browser would run or load from elsewhere
 * (javascript:, data:, vbscript:, //other.host/) is refused, whatever its spelling.
 * - web: an absolute http(s) address (another site)
 * - page: a web address or a path on the portal (`/news/…`)
 * - anyLink: a page, or `mailto:` / `tel:` (links in article bodies)
 */
export type LinkKind = 'web' | 'page' | 'anyLink'

const messages: Record<LinkKind, string> = {
  web: '请填写以 http:// 或 https:// 开头的完整网址',
  page: '请填写站内路径（以 / 开头，如 /workstations）或以 http:// 或 https:// 开头的完整网址',
  anyLink: '请填写站内路径（以 / 开头）、以 http:// 或 https:// 开头的完整网址，或 mailto:、tel: 链接',
}

// C0/C1 controls, every Unicode space, zero-width and bidi characters: browsers drop some of them
// inside a scheme ("java\tscript:"), and none belongs in a link.
const invisible = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\u00ad]/u

/** Why `value` is not an acceptable link of this kind, or null when it is. */
export function linkProblem(value: string, kind: LinkKind): string | null {
  const refuse = messages[kind]
  if (invisible.test(value)) return `链接中不能含有空格或不可见字符。${refuse}`
  // Browsers read a backslash as a slash: "/\evil.example" would leave the site.
  if (value.includes('\\')) return `链接中不能含有反斜杠“\\”。${refuse}`
  if (value.startsWith('/')) {
    if (kind === 'web') return refuse
    return value.startsWith('//') ? `不能使用以 // 开头的网址。${refuse}` : null
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return refuse
  }
  const scheme = url.protocol.toLowerCase()
  if (scheme === 'http:' || scheme === 'https:') {
    // "https:evil.example" parses, but only "https://host" is what an editor means.
    return /^https?:\/\/[^/?#]/i.test(value) && url.hostname ? null : refuse
  }
  if (kind === 'anyLink' && scheme === 'mailto:') return /^mailto:[^@]+@[^@]+$/i.test(value) ? null : '邮件链接应为 mailto:名称@域名'
  if (kind === 'anyLink' && scheme === 'tel:') return /^tel:\+?[\d\-().]{3,}$/i.test(value) ? null : '电话链接应为 tel: 加电话号码，如 tel:0551-12345678'
  return refuse
}

/** A Payload validate function for link text fields; empty values are left to `required`. */
export const validateLink =
  (kind: LinkKind): TextFieldSingleValidation =>
  (value) => {
    if (value === null || value === undefined || value === '') return true
    return linkProblem(String(value), kind) ?? true
  }

/** Editors paste addresses with stray spaces around them; those are not part of the link. */
export const trimValue: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim() : value)

/** What callers say about a link or phone field; the type and validation come from here. */
type TextFieldOptions = { name: string; label?: string; required?: boolean; admin?: TextField['admin']; access?: TextField['access']; hooks?: TextField['hooks'] }

/** A text field that holds a link of the given kind. */
export const linkField = (kind: LinkKind, field: TextFieldOptions): TextField => ({
  ...field,
  type: 'text',
  hasMany: false,
  validate: validateLink(kind),
  hooks: { ...field.hooks, beforeValidate: [trimValue, ...(field.hooks?.beforeValidate ?? [])] },
})

// Digits and the usual separators; a short note in brackets may follow, such as （示例） or （总机）.
const phonePattern = /^\+?[\d \u3000\-–—－()（）/、,，;；转]+(?:（\p{Script=Han}{1,8}）|\(\p{Script=Han}{1,8}\))?$/u

/** Why `value` is not a telephone number (or a few of them), or null when it is. */
export function phoneProblem(value: string): string | null {
  const digits = value.replace(/\D/g, '')
  if (!phonePattern.test(value) || digits.length < 3) {
    return '联系电话只能填写电话号码（数字，可含 +、-、空格、括号和“转”，可在末尾用括号加简短中文注明，如“（总机）”），如 0551-12345678'
  }
  return null
}

/** A text field that holds telephone numbers only. */
export const phoneField = (field: TextFieldOptions): TextField => ({
  ...field,
  type: 'text',
  hasMany: false,
  validate: (value: string | null | undefined) => (value ? (phoneProblem(String(value)) ?? true) : true),
  hooks: { ...field.hooks, beforeValidate: [trimValue, ...(field.hooks?.beforeValidate ?? [])] },
})
