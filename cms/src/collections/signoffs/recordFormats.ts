// The 审签单 on paper (A4 HTML) and in Excel (CSV). Pure: a record in, text out.
import { createHash } from 'node:crypto'

import { toCsv } from '../../csv'
import type { RecordRow, SignoffRecord } from './record'
import { stageRows } from './stages'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** The only script on the page; the Content-Security-Policy allows it and the styles by hash, nothing else. */
const printScript = "document.getElementById('print').addEventListener('click',function(){window.print()})"

const styles = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; color: #000; margin: 0 auto; max-width: 180mm; padding: 12mm 0; line-height: 1.6; }
h1 { font-size: 22pt; text-align: center; letter-spacing: 0.3em; margin: 0 0 2mm; }
.court { text-align: center; font-size: 14pt; margin: 0 0 6mm; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; word-break: break-all; }
th { background: #f0f0f0; white-space: nowrap; }
.meta th { width: 20%; }
.steps { margin-top: 5mm; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
.steps thead { display: table-header-group; }
.steps tr { page-break-inside: avoid; }
.time { white-space: nowrap; width: 24mm; }
.nowrap { white-space: nowrap; }
.comment { white-space: pre-wrap; }
.empty { text-align: center; color: #444; }
.footer { margin-top: 5mm; font-size: 9pt; color: #333; display: flex; justify-content: space-between; }
.toolbar { text-align: right; margin-bottom: 4mm; }
.toolbar button { font: inherit; font-size: 12pt; padding: 1mm 6mm; cursor: pointer; }
.stages { margin-top: 5mm; }
.stages th { width: 16%; text-align: center; vertical-align: middle; font-size: 12pt; }
.stages td { height: 30mm; }
.stages .opinion { white-space: pre-wrap; min-height: 14mm; }
.stages .done { color: #333; font-size: 9.5pt; }
.stages .sign { margin-top: 4mm; display: flex; justify-content: space-between; }
@media print { .toolbar { display: none; } body { padding: 0; } th { background: none; } }
`

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** What the printable page may load and run: its own style block and print button, nothing else. */
export const printPageCsp = [
  "default-src 'none'",
  `style-src ${sha256(styles)}`,
  `script-src ${sha256(printScript)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const stepRow = (row: RecordRow, index: number) => `<tr>
<td>${index + 1}</td>
<td class="time">${escapeHtml(row.time)}</td>
<td class="nowrap">${escapeHtml(row.action)}</td>
<td>${escapeHtml(row.fromState)} → ${escapeHtml(row.toState)}</td>
<td>${escapeHtml(row.actorName)}${row.actorRole ? `（${escapeHtml(row.actorRole)}）` : ''}</td>
<td class="comment">${escapeHtml(row.comment)}</td>
</tr>`

/** One stage's box: what the system recorded, and lines for the handwritten signature and date. */
const stageRow = ({ stage, row }: ReturnType<typeof stageRows>[number]) => `<tr>
<th scope="row">${escapeHtml(stage.name)}<br><span class="done">（${escapeHtml(stage.role)}）</span></th>
<td>
<div class="opinion">意见：${row ? escapeHtml(row.comment || '同意') : ''}</div>
<div class="done">${row ? `系统记录：${escapeHtml(row.actorName)}${row.actorRole ? `（${escapeHtml(row.actorRole)}）` : ''}于 ${escapeHtml(row.time)} ${escapeHtml(row.action)}` : '尚未进行'}</div>
<div class="sign"><span>签名：＿＿＿＿＿＿＿＿</span><span>日期：＿＿＿＿年＿＿月＿＿日</span></div>
</td>
</tr>`

/** A printable 审签单: the item's particulars, the three stages with signature lines, then every step, oldest first. */
export function recordToHtml(record: SignoffRecord, printed: { at: string; by: string }): string {
  const title = `${record.collectionLabel}审签单`
  const steps = record.rows.length
    ? record.rows.map(stepRow).join('\n')
    : '<tr><td colspan="6" class="empty">尚无审签记录</td></tr>'
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} - ${escapeHtml(record.title)}</title>
<style>${styles}</style>
</head>
<body>
<div class="toolbar"><button type="button" id="print">打印</button></div>
<h1>审签单</h1>
<p class="court">${escapeHtml(record.courtName)}</p>
<table class="meta">
<tr><th scope="row">稿件标题</th><td colspan="3">${escapeHtml(record.title)}</td></tr>
<tr><th scope="row">稿件类型</th><td>${escapeHtml(record.collectionLabel)}</td><th scope="row">稿件编号</th><td>${escapeHtml(record.id)}</td></tr>
<tr><th scope="row">稿件等级</th><td>${escapeHtml(record.grade)}</td><th scope="row">当前状态</th><td>${escapeHtml(record.state)}</td></tr>
</table>
<table class="stages">
<caption>三审签署</caption>
<tbody>
${stageRows(record.rows).map(stageRow).join('\n')}
</tbody>
</table>
<table class="steps">
<caption>审签记录（共 ${record.rows.length} 条）</caption>
<thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">操作</th><th scope="col">状态变化（原→新）</th><th scope="col">操作人（角色）</th><th scope="col">意见</th></tr></thead>
<tbody>
${steps}
</tbody>
</table>
<div class="footer"><span>打印人：${escapeHtml(printed.by)}</span><span>打印时间：${escapeHtml(printed.at)}</span></div>
<script>${printScript}</script>
</body>
</html>
`
}

export const csvHeader = ['序号', '时间', '操作', '原状态', '新状态', '操作人', '角色', '意见'] as const

export function recordToCsv(record: SignoffRecord): string {
  return toCsv([
    [...csvHeader],
    ...record.rows.map((row, index) => [String(index + 1), row.time, row.action, row.fromState, row.toState, row.actorName, row.actorRole, row.comment]),
  ])
}
