// Most real 公文 have no "Title" style: their title is a paragraph formatted by hand — centred,
// larger than the text, or bold. This finds it in document.xml, which keeps that formatting
// (the HTML converter keeps structure only).

/** A title is a line or two, not a paragraph of text. */
const maxTitleLength = 80
/** Paragraphs looked at before giving up: a title is at the top. */
const paragraphsLooked = 5

const textOf = (paragraph: string) =>
  [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map(([, text]) => text)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

/** On/off properties (<w:b/>, <w:b w:val="0"/>): on unless the value says off. */
const isOn = (xml: string, name: string) => {
  const match = xml.match(new RegExp(`<w:${name}(?:\\s+w:val="([^"]*)")?\\s*/>`))
  return Boolean(match) && !/^(0|false|off)$/i.test(match![1] ?? '')
}

/** The runs' font size in half-points, where every run with text sets the same one. */
function runSizes(paragraph: string): number[] {
  return [...paragraph.matchAll(/<w:r[\s>][\s\S]*?<\/w:r>/g)]
    .map(([run]) => run)
    .filter((run) => textOf(run))
    .map((run) => Number(run.match(/<w:rPr>[\s\S]*?<w:sz\s+w:val="(\d+)"/)?.[1] ?? 0))
}

/** The document's top-level paragraphs (not in tables or text boxes), in order. */
function* topParagraphs(documentXml: string) {
  const body = documentXml.indexOf('<w:body>')
  let at = body === -1 ? 0 : body
  for (;;) {
    const start = documentXml.slice(at).search(/<w:(p|tbl)[\s>]/)
    if (start === -1) return
    const open = at + start
    if (documentXml.startsWith('<w:tbl', open)) return // a table first: no title line to read
    const end = documentXml.indexOf('</w:p>', open)
    if (end === -1) return
    const paragraph = documentXml.slice(open, end + 6)
    if (paragraph.includes('<w:txbxContent')) return
    yield paragraph
    at = end + 6
  }
}

/**
 * The text of the document's first non-empty paragraph when it is formatted as a title
 * (centred, bold throughout, or larger than the body text), else undefined.
 */
export function formattedTitle(documentXml: string): string | undefined {
  let looked = 0
  const paragraphs = topParagraphs(documentXml)
  let first: string | undefined
  for (const paragraph of paragraphs) {
    if (++looked > paragraphsLooked) return undefined
    if (textOf(paragraph)) {
      first = paragraph
      break
    }
  }
  if (!first) return undefined
  const text = textOf(first)
  if (text.length > maxTitleLength || /[。；;]$/.test(text)) return undefined

  const properties = first.match(/<w:pPr>[\s\S]*?<\/w:pPr>/)?.[0] ?? ''
  const centred = /<w:jc\s+w:val="center"/.test(properties)
  const runs = [...first.matchAll(/<w:r[\s>][\s\S]*?<\/w:r>/g)].map(([run]) => run).filter((run) => textOf(run))
  const bold = runs.length > 0 && runs.every((run) => isOn(run.match(/<w:rPr>[\s\S]*?<\/w:rPr>/)?.[0] ?? '', 'b'))
  const sizes = runSizes(first)
  const titleSize = sizes.length && sizes.every((size) => size === sizes[0]) ? sizes[0] : 0
  const larger = titleSize > 0 && titleSize > bodySize(documentXml, first)
  return centred || bold || larger ? text : undefined
}

/** The size most of the other text is set in (direct formatting, else the document default). */
function bodySize(documentXml: string, title: string): number {
  const rest = documentXml.replace(title, '')
  const weights = new Map<number, number>()
  for (const [run] of rest.matchAll(/<w:r[\s>][\s\S]*?<\/w:r>/g)) {
    const length = textOf(run).length
    if (!length) continue
    const size = Number(run.match(/<w:rPr>[\s\S]*?<w:sz\s+w:val="(\d+)"/)?.[1] ?? 0)
    weights.set(size, (weights.get(size) ?? 0) + length)
  }
  const [common] = [...weights].sort((a, b) => b[1] - a[1])[0] ?? [0]
  // No size set on the text: Word's default, 五号 (10.5 pt, 21 half-points), unless set in styles.
  return common || 21
}
