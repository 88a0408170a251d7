// The server's read-only view of the index, opened once and reopened only if the file is replaced.
import fs from 'node:fs'

import { searchIndexPath } from './indexPath'
import { openSearchIndex } from './searchIndex'
import type { SearchIndex } from './types'

let open: { file: string; inode: number; index: SearchIndex } | undefined

/** The index to query, or undefined while there is none (nothing rendered yet). */
export function searchReader(file = searchIndexPath()): SearchIndex | undefined {
  let inode: number
  try {
    inode = fs.statSync(file).ino
  } catch {
    return undefined
  }
  if (open && (open.file !== file || open.inode !== inode)) {
    open.index.close()
    open = undefined
  }
  open ??= { file, inode, index: openSearchIndex(file, { readOnly: true }) }
  return open.index
}
