import fs from 'node:fs'

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, fixed at 100 for user space).
const TICKS_PER_SECOND = 100

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants, from /proc;
 * null where there is no /proc. Unlike latency, it barely moves with other work on the machine,
 * so before/after figures on a shared machine compare.
 */
export function processTreeCpuMs(rootPid: number | undefined): number | null {
  if (rootPid === undefined || !fs.existsSync('/proc/self/stat')) return null
  const stats = new Map<number, { parent: number; ticks: number }>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after "(comm)": state ppid … utime (12th) stime (13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = stats.get(p)?.parent) if (p === rootPid) return true
    return false
  }
  let ticks = 0
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks
  return (ticks * 1000) / TICKS_PER_SECOND
}

/**
 * CPU time (ms, all cores) the hypervisor gave to others while this VM wanted to run ("steal" in
 * /proc/stat); null where there is none. On a shared VM it explains runs that are slower for the same code.
 */
export function machineStealMs(): number | null {
  if (!fs.existsSync('/proc/stat')) return null
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n').find((line) => line.startsWith('cpu '))
  // cpu user nice system idle iowait irq softirq steal …
  const steal = cpu ? Number(cpu.trim().split(/\s+/)[8]) : NaN
  return Number.isFinite(steal) ? (steal * 1000) / TICKS_PER_SECOND : null
}
