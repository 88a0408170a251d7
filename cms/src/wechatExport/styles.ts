// How a WeChat article looks, as inline styles: the editor keeps `style` and drops classes and
// stylesheets. Sizes follow the 公众号 norm: 16 px body, line-height 1.75, a little letter spacing.
const text = 'font-size:16px;line-height:1.75;letter-spacing:0.5px;color:#333333;'

/** The style each tag gets; tags not listed are unwrapped to their text. */
export const tagStyles: Record<string, string> = {
  p: `margin:0 0 1em;${text}text-align:justify;`,
  h2: 'margin:1.5em 0 0.75em;font-size:18px;line-height:1.6;font-weight:bold;color:#8b1a1a;',
  h3: 'margin:1.25em 0 0.5em;font-size:17px;line-height:1.6;font-weight:bold;color:#333333;',
  h4: 'margin:1em 0 0.5em;font-size:16px;line-height:1.6;font-weight:bold;color:#333333;',
  h5: 'margin:1em 0 0.5em;font-size:16px;line-height:1.6;font-weight:bold;color:#333333;',
  h6: 'margin:1em 0 0.5em;font-size:16px;line-height:1.6;font-weight:bold;color:#333333;',
  blockquote: `margin:1em 0;padding:0.5em 1em;border-left:3px solid #c9a063;background:#faf7f2;${text}`,
  ul: `margin:0 0 1em;padding-left:1.5em;${text}`,
  ol: `margin:0 0 1em;padding-left:1.5em;${text}`,
  li: `margin:0 0 0.25em;${text}`,
  strong: 'font-weight:bold;',
  b: 'font-weight:bold;',
  em: 'font-style:italic;',
  i: 'font-style:italic;',
  u: 'text-decoration:underline;',
  s: 'text-decoration:line-through;',
  sub: '',
  sup: '',
  br: '',
  span: '',
  a: 'color:#576b95;text-decoration:none;',
  hr: 'margin:1.5em 0;border:0;border-top:1px solid #e5e5e5;',
  table: 'width:100%;margin:0 0 1em;border-collapse:collapse;font-size:15px;line-height:1.6;',
  thead: '',
  tbody: '',
  tr: '',
  th: 'padding:6px;border:1px solid #dddddd;background:#f5f5f5;font-weight:bold;',
  td: 'padding:6px;border:1px solid #dddddd;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:14px;',
  section: '',
  figure: 'margin:1em 0;padding:0;text-align:center;',
  img: 'display:block;max-width:100%;height:auto;margin:0 auto;',
  figcaption: 'margin:0.5em 0 0;font-size:14px;line-height:1.6;color:#888888;text-align:center;',
}

/** Formatting Lexical writes as inline styles (strikethrough, underline) that may stay. */
export const keptStyle = /^(text-decoration:\s*(underline|line-through);?\s*)+$/

export const bylineStyle = 'margin:0 0 1.5em;font-size:15px;line-height:1.75;color:#888888;'
export const footerStyle = 'margin:2em 0 0;padding-top:1em;border-top:1px solid #e5e5e5;font-size:15px;line-height:1.75;color:#888888;'
export const wrapperStyle = "margin:0;padding:0;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif;"
