// CSV files staff open in Excel: UTF-8 with a byte-order mark and CRLF lines, which is what Excel
// needs to show Chinese, and cells that can never run as formulas.

/**
 * A cell Excel reads as text: quoted when needed, and a leading = + - @ neutralised so a comment
 * can never run as a formula on the reader's machine.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The rows as one CSV file's text, every cell through csvCell. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
