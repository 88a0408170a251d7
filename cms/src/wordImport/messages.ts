// What the Word import tells people: refusals (nothing was saved) and warnings (saved, but look here).

import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../uploadLimit'

export const MAX_DOCX_BYTES = MAX_UPLOAD_BYTES
/**
 * Everything inside the .docx, really inflated (declared sizes are not trusted): pictures hardly
 * compress, so a 20 MB document unpacks to little more; far below what would exhaust memory.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024
/** The text part alone: a long report is well under 1 MB. */
export const MAX_DOCUMENT_XML_BYTES = 16 * 1024 * 1024
/** Paragraphs (table cells included): a long report has a few hundred. */
export const MAX_PARAGRAPHS = 5000
/** How long one conversion may take before it is stopped. */
export const MAX_CONVERSION_SECONDS = 60

const nothingSaved = '未保存任何内容。'

export const refusals = {
  notSignedIn: '请先登录后再导入 Word 文档。',
  noRole: '您的账号没有分配角色，不能导入稿件。',
  noFile: `没有收到文件，请选择一个 Word 文档（.docx）。${nothingSaved}`,
  empty: `文件为空，请重新选择。${nothingSaved}`,
  tooLarge: `文件过大：Word 文档不能超过 ${MAX_UPLOAD_MB} MB，请压缩文中图片后再导入。${nothingSaved}`,
  encrypted: `文件已加密或是旧版 .doc 格式，无法读取。请在 Word 中取消密码保护（文件 → 信息 → 保护文档），或“另存为” .docx 格式后再导入。${nothingSaved}`,
  notDocx: `文件不是 Word 文档（.docx），可能只是改了扩展名。请在 Word 中“另存为” .docx 格式后再导入。${nothingSaved}`,
  corrupt: `文件已损坏或不完整（可能下载或复制中断），无法读取。请在 Word 中打开确认后重新保存再导入。${nothingSaved}`,
  unpackedTooLarge: `文件解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，无法处理。请删除或压缩文中的大图片后再导入。${nothingSaved}`,
  documentTooLarge: `文档正文过长（解压后超过 ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MB），请拆分成几篇后分别导入。${nothingSaved}`,
  tooManyParagraphs: `文档段落过多（超过 ${MAX_PARAGRAPHS} 段），请拆分后导入。${nothingSaved}`,
  tooComplex: `文档过于复杂，处理超时或超出内存限制，请拆分或简化后再导入。${nothingSaved}`,
  noText: `文档中没有文字内容，无法生成稿件。${nothingSaved}`,
  noColumn: `系统中还没有栏目，请先请编辑或管理员创建栏目。${nothingSaved}`,
  unknownColumn: `所选栏目不存在，请刷新页面后重新选择。${nothingSaved}`,
  failed: `导入失败，${nothingSaved}请稍后重试；如果一再失败，请联系管理员。`,
}

export const warnings = {
  titleFromFilename: (title: string) => `文档中没有找到标题（“标题”样式或开头的标题段落），已暂用文件名“${title}”作为标题，请修改。`,
  titleCut: (max: number) => `标题超过 ${max} 字，已截断，请修改。`,
  defaultColumn: (column: string) => `未选择栏目，已放入“${column}”栏目，请在编辑页确认或更改。`,
  altPending: (n: number, name: string) =>
    `第 ${n} 张图片“${name}”没有替代文字，已填入占位文字，请在图片库中为它填写；发布前检查会拦下占位文字。`,
  coverOffered: (n: number) => `已将第 ${n} 张图片设为封面图，请确认或更换。`,
  summaryProposed: '已用正文第一段生成摘要，请核对修改。',
  altFromWord: (n: number) => `第 ${n} 张图片的替代文字取自 Word，请核对是否准确描述了图片内容。`,
  imageSkipped: (n: number, reason: string) => `第 ${n} 张图片未能导入：${reason} 请在编辑页重新插入。`,
  imageFormat: (format: string) => `图片格式为 ${format}，网页无法显示。`,
  tables: (count: number) =>
    `文中 ${count} 个表格已按行转为文字段落（单元格之间以“｜”分隔），编辑器不支持表格，请核对或改写。`,
  textBoxes: '文中的文本框已作为普通段落导入，位置可能与原文不同，请核对。',
  footnotes: '脚注或尾注已附在正文末尾，请核对。',
  comments: '文档中的批注未导入。',
  trackedChanges: '文档中有修订标记：已按“接受全部修订”导入，请核对。',
  dropped: (what: string[]) => `以下内容无法导入，已略去：${what.join('、')}。如需保留，请改为图片或文字后在编辑页补充。`,
  unknownElements: '部分 Word 排版元素无法识别，已略去，请对照原文核对正文。',
}
