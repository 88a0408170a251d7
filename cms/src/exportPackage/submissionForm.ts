// The 报送单: one page that goes with the manuscript — what is sent, to whom, by whom, signed off by whom.
import { BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx'

import { mmToTwips, sectionProperties, styleIds, styles, typeAreaWidthMm } from './layout'

export type SubmissionForm = {
  courtName: string
  title: string
  /** 新闻, 工作站故事, … */
  itemKind: string
  /** The outlet's name; empty when the package is not for a recorded submission. */
  outlet: string
  /** 信息 or 稿件; empty when not known. */
  submissionKind: string
  /** "张三（撰稿人）、李四（通讯员）" */
  authors: string
  /** Who signed the item off: "王五". */
  signer: string
  /** When it was published on the portal, "2025-05-01". */
  publishedOn: string
  /** When it is sent, "2025-05-02". */
  submittedOn: string
  photoCount: number
  characterCount: number
  /** "张三　0000-0000000" */
  contact: string
}

const labelWidth = mmToTwips(34)
const valueWidth = mmToTwips(typeAreaWidthMm) - labelWidth
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line }

const row = (label: string, value: string, minHeightMm = 13) =>
  new TableRow({
    height: { value: mmToTwips(minHeightMm), rule: 'atLeast' },
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: labelWidth, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ style: styleIds.formLabel, text: label })],
      }),
      new TableCell({
        width: { size: valueWidth, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        children: value.split('\n').map((text) => new Paragraph({ style: styleIds.formValue, text })),
      }),
    ],
  })

export function submissionFormRows(form: SubmissionForm): [string, string][] {
  return [
    ['报送单位', form.courtName],
    ['稿件标题', form.title],
    ['稿件类型', form.itemKind],
    ['报送媒体', form.outlet],
    ['报送类型', form.submissionKind],
    ['作者', form.authors],
    ['审签人', form.signer],
    ['门户发布', form.publishedOn],
    ['报送日期', form.submittedOn],
    ['附件', `稿件 1 份（${form.characterCount} 字）${form.photoCount ? `，图片 ${form.photoCount} 张（附图片说明）` : ''}`],
    ['联系人', form.contact],
  ]
}

export async function buildSubmissionForm(form: SubmissionForm): Promise<Buffer> {
  const table = new Table({
    width: { size: labelWidth + valueWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    borders,
    rows: [...submissionFormRows(form).map(([label, value]) => row(label, value)), row('备注', '', 30)],
  })
  const document = new Document({
    title: `${form.courtName}外宣稿件报送单`,
    creator: form.courtName,
    styles,
    sections: [
      {
        properties: sectionProperties,
        children: [
          new Paragraph({ style: styleIds.title, text: '外宣稿件报送单' }),
          new Paragraph({ style: styleIds.byline, text: form.courtName }),
          table,
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
