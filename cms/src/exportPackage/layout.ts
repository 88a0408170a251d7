// The page and type of a 公文-style manuscript, after GB/T 9704-2012《党政机关公文格式》:
// A4, type area 156 mm × 225 mm, 22 lines of 3号仿宋 a page, page numbers "— 1 —" in 4号宋体.
// Fonts are referenced by name only: the reader's computer supplies them (nothing is embedded).
import {
  AlignmentType,
  Footer,
  type IParagraphStyleOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx'

/** Word measures in twentieths of a point (twips): 1 mm = 1440 / 25.4 twips. */
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4)
/** docx places images in pixels at 96 to the inch; rounded down, so a size never exceeds its limit. */
export const mmToPixels = (mm: number) => Math.floor((mm * 96) / 25.4)
/** Font sizes in docx are half-points (w:sz). */
export const halfPoints = (pt: number) => Math.round(pt * 2)

export const page = {
  width: mmToTwips(210),
  height: mmToTwips(297),
  margin: { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) },
  /** The page number's line sits 7 mm below the type area: about 22 mm from the page's foot to its baseline. */
  footer: mmToTwips(22),
  header: mmToTwips(15),
}

/** 版心 width: 210 − 28 − 26 = 156 mm. */
export const typeAreaWidthMm = 210 - 28 - 26

/** Chinese type sizes (字号) in points. */
export const sizes = { 二号: 22, 三号: 16, 四号: 14 } as const

/** 22 lines in the 225 mm type area: a fixed line of 28.95 pt. */
export const lineTwips = 579

export const fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  /** Latin letters and digits in the body text. */
  latin: 'Times New Roman',
} as const

/** Style ids: built-in ones where Word has a meaning for them (title, outline headings), our own otherwise. */
export const styleIds = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  body: 'GwBody',
  byline: 'GwByline',
  figure: 'GwFigure',
  caption: 'GwCaption',
  formLabel: 'GwFormLabel',
  formValue: 'GwFormValue',
} as const

const exactLine = { line: lineTwips, lineRule: LineRuleType.EXACT }
/** 首行缩进二字: Word reads the character count; LibreOffice the twips (2 × 16 pt). */
const firstLineTwoChars = { firstLineChars: 200, firstLine: 2 * sizes.三号 * 20 }
const bodyFont = { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin, eastAsia: fonts.body }
const allIn = (name: string) => ({ ascii: name, hAnsi: name, cs: name, eastAsia: name })

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: styleIds.body,
    name: '公文正文',
    basedOn: 'Normal',
    next: styleIds.body,
    quickFormat: true,
    run: { font: bodyFont, size: halfPoints(sizes.三号) },
    paragraph: { alignment: AlignmentType.BOTH, spacing: exactLine, indent: firstLineTwoChars },
  },
  {
    id: styleIds.byline,
    name: '署名',
    basedOn: 'Normal',
    next: styleIds.body,
    run: { font: { ...bodyFont, eastAsia: fonts.heading2 }, size: halfPoints(sizes.三号) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine },
  },
  {
    // The paragraph holding an inline photo: an exact line height would cut the photo off.
    id: styleIds.figure,
    name: '图片',
    basedOn: 'Normal',
    next: styleIds.caption,
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 }, keepNext: true },
  },
  {
    id: styleIds.caption,
    name: '图片说明',
    basedOn: 'Normal',
    next: styleIds.body,
    run: { font: { ...bodyFont, eastAsia: fonts.heading2 }, size: halfPoints(sizes.四号) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exactLine, after: 120 } },
  },
  {
    id: styleIds.formLabel,
    name: '报送单栏目',
    basedOn: 'Normal',
    run: { font: allIn(fonts.heading1), size: halfPoints(sizes.四号) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 400, lineRule: LineRuleType.EXACT } },
  },
  {
    id: styleIds.formValue,
    name: '报送单内容',
    basedOn: 'Normal',
    run: { font: bodyFont, size: halfPoints(sizes.四号) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { line: 400, lineRule: LineRuleType.EXACT } },
  },
]

export const styles: IStylesOptions = {
  default: {
    document: {
      run: { font: bodyFont, size: halfPoints(sizes.三号) },
      paragraph: { spacing: exactLine },
    },
    title: {
      run: { font: allIn(fonts.title), size: halfPoints(sizes.二号) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine },
    },
    // 一、 first-level headings: 黑体, indented like the text (GB/T 9704 §7.3.3).
    heading1: {
      run: { font: allIn(fonts.heading1), size: halfPoints(sizes.三号) },
      paragraph: { alignment: AlignmentType.BOTH, spacing: exactLine, indent: firstLineTwoChars, outlineLevel: 0, keepNext: true },
    },
    // （一） second-level headings: 楷体.
    heading2: {
      run: { font: { ...bodyFont, eastAsia: fonts.heading2 }, size: halfPoints(sizes.三号) },
      paragraph: { alignment: AlignmentType.BOTH, spacing: exactLine, indent: firstLineTwoChars, outlineLevel: 1, keepNext: true },
    },
  },
  paragraphStyles,
}

/** "— 1 —": odd pages on the right, even pages on the left, each one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = sizes.四号 * 20
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: allIn(fonts.pageNumber), size: halfPoints(sizes.四号) })],
      }),
    ],
  })
}

export const sectionProperties: ISectionPropertiesOptions = {
  page: {
    size: { width: page.width, height: page.height },
    margin: { ...page.margin, header: page.header, footer: page.footer },
  },
  grid: { linePitch: lineTwips },
}

export const pageNumberFooters = () => ({ default: pageNumberFooter('odd'), even: pageNumberFooter('even') })
