/**
 * The article's first paragraph and the rest, from already-sanitised body HTML. Only a body that
 * opens with a plain <p>…</p> is split; anything else is returned whole as `rest`.
 */
export function splitLead(html: string): { lead: string; rest: string } {
  const match = /^\s*<p(?:\s[^>]*)?>[\s\S]*?<\/p>/.exec(html)
  if (!match || /<p[\s>]/.test(match[0].slice(2))) return { lead: '', rest: html }
  return { lead: match[0], rest: html.slice(match[0].length) }
}
