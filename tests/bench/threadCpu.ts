// Per-thread CPU of this process over time, from /proc/self/task/*/stat, sampled by a thread of its
// own (the main thread is busy rendering and would sample late). Tells which thread is the
// critical path of a full render and how many of the machine's cores it kept busy.
import { Worker } from 'node:worker_threads'

/** CPU seconds of the threads sharing a name (V8's and libuv's helpers share theirs). */
export type ThreadCpu = { name: string; threads: number; cpuSeconds: number }
/** One slice of the timeline: cores used in it, in all and per thread name. */
export type ThreadSlice = { atSeconds: number; cores: number; byName: Record<string, number> }
export type ThreadReport = { wallSeconds: number; coresUsed: number; threads: ThreadCpu[]; timeline: ThreadSlice[] }

// Plain JavaScript, evaluated: the bench runs under tsx, whose hooks a worker need not load.
// Each sample: [ms since start, [tid, name, ticks][]]. utime and stime are in ticks of 1/100 s.
const SAMPLER_SOURCE = `
const fs = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
const started = Date.now()
const samples = []
const sample = () => {
  const threads = []
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      threads.push([Number(tid), name, Number(fields[11]) + Number(fields[12])])
    } catch {}
  }
  samples.push([Date.now() - started, threads])
}
sample()
const timer = setInterval(sample, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  sample()
  parentPort.postMessage(samples)
})
`

const TICKS_PER_SECOND = 100

/** Starts sampling every `intervalMs`; `stop` gives each thread name's CPU and a timeline in `sliceSeconds` slices. */
export function startThreadSampler({ intervalMs = 100, sliceSeconds = 2 } = {}) {
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, name: 'bench-sampler', workerData: { intervalMs } })
  return {
    async stop(): Promise<ThreadReport> {
      const samples = await new Promise<[number, [number, string, number][]][]>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
        worker.postMessage('stop')
      })
      await worker.terminate()
      return summarise(samples, sliceSeconds)
    },
  }
}

/** The main thread carries the process's name; called "main" here to tell it from helpers named alike. */
function summarise(samples: [number, [number, string, number][]][], sliceSeconds: number): ThreadReport {
  const pid = process.pid
  const nameOf = (tid: number, name: string) => (tid === pid ? 'main' : name)
  const first = new Map(samples[0][1].map(([tid, , ticks]) => [tid, ticks]))
  const [lastAt, lastThreads] = samples.at(-1)!
  const byName = new Map<string, ThreadCpu>()
  for (const [tid, name, ticks] of lastThreads) {
    if (name === 'bench-sampler') continue
    const entry = byName.get(nameOf(tid, name)) ?? { name: nameOf(tid, name), threads: 0, cpuSeconds: 0 }
    entry.threads++
    entry.cpuSeconds += (ticks - (first.get(tid) ?? 0)) / TICKS_PER_SECOND
    byName.set(entry.name, entry)
  }
  // Threads that ended before the last sample (the segmenters) count up to their last sample.
  const lastTicks = new Map<number, [string, number]>()
  for (const [, threads] of samples) for (const [tid, name, ticks] of threads) lastTicks.set(tid, [name, ticks])
  const seen = new Set(lastThreads.map(([tid]) => tid))
  for (const [tid, [name, ticks]] of lastTicks) {
    if (seen.has(tid) || name === 'bench-sampler') continue
    const entry = byName.get(nameOf(tid, name)) ?? { name: nameOf(tid, name), threads: 0, cpuSeconds: 0 }
    entry.threads++
    entry.cpuSeconds += (ticks - (first.get(tid) ?? 0)) / TICKS_PER_SECOND
    byName.set(entry.name, entry)
  }
  const threads = [...byName.values()].map((t) => ({ ...t, cpuSeconds: Math.round(t.cpuSeconds * 100) / 100 })).sort((a, b) => b.cpuSeconds - a.cpuSeconds)

  const timeline: ThreadSlice[] = []
  const at = (index: number) => new Map(samples[index][1].map(([tid, name, ticks]) => [tid, [nameOf(tid, name), ticks] as const]))
  let from = 0
  for (let index = 1; index < samples.length; index++) {
    if (samples[index][0] - samples[from][0] < sliceSeconds * 1000 && index < samples.length - 1) continue
    const [before, after] = [at(from), at(index)]
    const seconds = (samples[index][0] - samples[from][0]) / 1000
    const slice: ThreadSlice = { atSeconds: Math.round(samples[from][0] / 100) / 10, cores: 0, byName: {} }
    for (const [tid, [name, ticks]] of after) {
      if (name === 'bench-sampler') continue
      const used = (ticks - (before.get(tid)?.[1] ?? 0)) / TICKS_PER_SECOND / seconds
      slice.byName[name] = Math.round(((slice.byName[name] ?? 0) + used) * 100) / 100
      slice.cores += used
    }
    slice.cores = Math.round(slice.cores * 100) / 100
    timeline.push(slice)
    from = index
  }
  const wallSeconds = lastAt / 1000
  const total = threads.reduce((sum, t) => sum + t.cpuSeconds, 0)
  return { wallSeconds: Math.round(wallSeconds * 100) / 100, coresUsed: Math.round((total / wallSeconds) * 100) / 100, threads, timeline }
}
