/**
 * The page numbers a page-link bar shows out of 1…last: the first, the last and two either side of
 * the current one, ascending; 'gap' where numbers are left out (shown as an ellipsis).
 */
export function pageWindow(current: number, last: number): (number | 'gap')[] {
  const shown = Array.from({ length: last }, (_, i) => i + 1).filter((n) => n === 1 || n === last || Math.abs(n - current) <= 2)
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? ['gap' as const, n] : [n]))
}
