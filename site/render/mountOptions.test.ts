import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { discardWarning, mountOf, onlineDiscard, parseMounts } from './mountOptions.ts'

// /proc/mounts as read on the development VM (README: its root is mounted with online discard),
// plus mounts over parts of it: a data disk without discard, a btrfs one with async discard, and a
// path with a space (written \040).
const MOUNTS = `proc /proc proc rw,relatime 0 0
/dev/vda / ext4 rw,relatime,discard,resv_strict,resuid=65534,resgid=65534 0 0
tmpfs /dev/shm tmpfs rw,relatime,size=24683792k 0 0
/dev/vdb /srv/liushan ext4 rw,relatime 0 0
/dev/vdc /srv/liushan/site\\040out btrfs rw,relatime,ssd,discard=async,space_cache=v2 0 0
/dev/vdd /srv/liushan-sync xfs rw,relatime,discard 0 0
/dev/vde /srv/btrfs-sync btrfs rw,relatime,discard=sync 0 0
`

describe('the output directory on an online-discard mount', () => {
  const mounts = parseMounts(MOUNTS)

  it('reads every line of /proc/mounts, with its escaped spaces', () => {
    expect(mounts.map((mount) => mount.mountPoint)).toEqual(['/proc', '/', '/dev/shm', '/srv/liushan', '/srv/liushan/site out', '/srv/liushan-sync', '/srv/btrfs-sync'])
    expect(mounts[1]).toMatchObject({ device: '/dev/vda', fsType: 'ext4' })
    expect(mounts[1].options).toContain('discard')
  })

  it('finds the mount a directory is on: the longest mount point holding it, not a name that only starts the same', () => {
    expect(mountOf('/srv/liushan/live', mounts)?.device).toBe('/dev/vdb')
    expect(mountOf('/srv/liushan/site out/live', mounts)?.device).toBe('/dev/vdc')
    expect(mountOf('/srv/liushan-sync/live', mounts)?.device).toBe('/dev/vdd')
    expect(mountOf('/srv/liushanx/live', mounts)?.device).toBe('/dev/vda')
    expect(mountOf('/srv/liushan', mounts)?.device).toBe('/dev/vdb')
  })

  it('tells online discard (ext4, XFS, btrfs sync) from none and from btrfs async discard', () => {
    const by = (device: string) => onlineDiscard(mounts.find((mount) => mount.device === device)!)
    expect([by('/dev/vda'), by('/dev/vdb'), by('/dev/vdc'), by('/dev/vdd'), by('/dev/vde')]).toEqual([true, false, false, true, true])
  })

  it('warns in Chinese, naming the directory, its mount and the remedy; says nothing otherwise', () => {
    const warning = discardWarning('/var/www/liushan/live', MOUNTS)
    expect(warning).toContain('/var/www/liushan/live')
    expect(warning).toContain('（/，ext4）')
    expect(warning).toContain('fstrim')
    expect(discardWarning('/srv/liushan/live', MOUNTS)).toBeNull()
    expect(discardWarning('/srv/liushan/site out/live', MOUNTS)).toBeNull()
    expect(discardWarning('/srv/liushan/live', null)).toBeNull()
  })

  it('follows symbolic links and accepts a directory not made yet (this machine’s own mounts)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-mount-'))
    try {
      const text = fs.readFileSync('/proc/self/mounts', 'utf8')
      const own = parseMounts(text)
      const real = fs.realpathSync(root)
      const expected = mountOf(real, own)
      expect(expected).toBeDefined()
      fs.symlinkSync(real, path.join(root, 'link'))
      const fake = `/dev/fake ${real.replaceAll(' ', '\\040')}/target ext4 rw,discard 0 0\n`
      fs.mkdirSync(path.join(root, 'target'))
      fs.symlinkSync(path.join(real, 'target'), path.join(root, 'to-target'))
      // Through the link, and below a directory that does not exist yet, it is still the mount of the real path.
      expect(mountOf(path.join(root, 'to-target', 'not', 'made'), parseMounts(text + fake))?.device).toBe('/dev/fake')
      expect(mountOf(path.join(root, 'link', 'live'), own)).toEqual(expected)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
