// Which file system the output lives on, and whether it is mounted with online discard: each
// clear-out deletes a whole version's files, and with online discard the writes after a large
// delete queue behind its TRIMs (README, 页面生成器（增量生成）: at 50k news a navigation change
// went from ~77 s to ~175 s). Linux only; elsewhere, or without /proc, nothing is said.
import fs from 'node:fs'
import path from 'node:path'

export type Mount = { device: string; mountPoint: string; fsType: string; options: string[] }

/** /proc/mounts writes space, tab, newline and backslash in paths as octal escapes (\040 …). */
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))

/** The lines of /proc/mounts (fstab format: device, mount point, type, options, dump, pass). */
export function parseMounts(text: string): Mount[] {
  const mounts: Mount[] = []
  for (const line of text.split('\n')) {
    const [device, mountPoint, fsType, options] = line.trim().split(/\s+/)
    if (!device || !mountPoint || !fsType || !options) continue
    mounts.push({ device: unescape(device), mountPoint: unescape(mountPoint), fsType, options: options.split(',') })
  }
  return mounts
}

/** Mount points other than the root never end in a slash. */
const inside = (dir: string, mountPoint: string) => mountPoint === '/' || dir === mountPoint || dir.startsWith(`${mountPoint}/`)

/**
 * The mount `dir` is on: the longest mount point containing it (the last of equal ones, which is
 * the one mounted over the others). `dir` need not exist yet: its nearest existing parent counts.
 */
export function mountOf(dir: string, mounts: Mount[]): Mount | undefined {
  const real = existingRealPath(path.resolve(dir))
  let found: Mount | undefined
  for (const mount of mounts) {
    if (inside(real, mount.mountPoint) && (!found || mount.mountPoint.length >= found.mountPoint.length)) found = mount
  }
  return found
}

function existingRealPath(dir: string): string {
  let at = dir
  for (;;) {
    try {
      const real = fs.realpathSync(at)
      return at === dir ? real : path.join(real, path.relative(at, dir))
    } catch {
      const parent = path.dirname(at)
      if (parent === at) return dir
      at = parent
    }
  }
}

/** Online (synchronous) discard: ext4's and XFS's `discard`, btrfs's `discard=sync`. btrfs's `discard=async` batches them. */
export const onlineDiscard = (mount: Mount) => mount.options.some((option) => option === 'discard' || option === 'discard=sync')

/** The log line for an output on an online-discard mount, in Chinese; null when it is not (or cannot be told). */
export function discardWarning(outDir: string, mountsText = readMounts()): string | null {
  if (mountsText === null) return null
  const mount = mountOf(outDir, parseMounts(mountsText))
  if (!mount || !onlineDiscard(mount)) return null
  return (
    `[渲染] 注意：输出目录 ${outDir} 所在的文件系统（${mount.mountPoint}，${mount.fsType}）以在线 discard 方式挂载，` +
    '大批删除旧版本页面之后的写入会明显变慢（5 万篇时导航修改约 77 秒变为约 175 秒）。' +
    '建议去掉 discard 挂载选项，改为定期执行 fstrim（如 systemd 的 fstrim.timer），见 README“页面生成器（增量生成）”中关于 discard 的一条。'
  )
}

function readMounts(): string | null {
  try {
    return fs.readFileSync('/proc/self/mounts', 'utf8')
  } catch {
    return null
  }
}
