import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { benchCms, cmsTables, type Log, type Table } from './cms'
import { benchLive, liveTables } from './live'
import { benchManifest, manifestTables } from './manifest'
import { benchRender, renderTables } from './render'
import { benchSearch, searchTables } from './search'
import { benchSite, siteTables } from './site'

/**
 * `npm run bench`: runs each benchmark in turn, prints its figures and writes them, with a
 * description of this machine, to bench/results/<name>.json. Figures are reported, never asserted.
 * `npm run bench -- site` runs only the named benchmark(s).
 */
type Bench = { name: string; run: (log: Log) => Promise<{ results: object; tables: Table[] }> }
const defineBench = <T extends object>(name: string, run: (log: Log) => Promise<T>, tables: (results: T) => Table[]): Bench => ({
  name,
  run: async (log) => {
    const results = await run(log)
    return { results, tables: tables(results) }
  },
})
const allBenches = [defineBench('cms', benchCms, cmsTables), defineBench('site', benchSite, siteTables), defineBench('live', benchLive, liveTables), defineBench('search', benchSearch, searchTables), defineBench('render', benchRender, renderTables), defineBench('manifest', benchManifest, manifestTables)]
const requested = process.argv.slice(2)
const unknown = requested.filter((name) => !allBenches.some((bench) => bench.name === name))
if (unknown.length) throw new Error(`no benchmark named ${unknown.join(', ')}`)
if (requested.length !== 1) {
  // One process per benchmark: Payload caches its instance, and with it the database path, per process.
  for (const name of requested.length ? requested : allBenches.map((bench) => bench.name)) {
    const { status } = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' })
    if (status !== 0) process.exit(status ?? 1)
  }
  process.exit(0)
}
const benches = allBenches.filter((bench) => bench.name === requested[0])

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.cpus().length,
  memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  date: new Date().toISOString(),
}

// Progress goes to stderr, figures to stdout.
const log = (message: string) => console.error(`[bench] ${message}`)

// CJK characters take two terminal columns.
const displayWidth = (text: string) => [...text].reduce((width, char) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0)
const pad = (text: string, width: number, alignRight: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return alignRight ? fill + text : text + fill
}

function formatTable({ title, head, rows }: Table): string {
  const numeric = head.map((_, column) => rows.every((row) => /^[\d.,]+$/.test(String(row[column]))))
  const cells = [head, ...rows.map((row) => row.map(String))]
  const widths = head.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column]))))
  const line = (row: string[]) => row.map((cell, column) => pad(cell, widths[column], numeric[column])).join('  ').trimEnd()
  return [title, line(head), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

try {
  console.log(`Machine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}\n`)
  fs.mkdirSync(resultsDir, { recursive: true })
  for (const bench of benches) {
    const started = performance.now()
    const { results, tables } = await bench.run(log)
    for (const table of tables) console.log(`${formatTable(table)}\n`)
    const file = path.join(resultsDir, `${bench.name}.json`)
    fs.writeFileSync(file, `${JSON.stringify({ machine, ...results }, null, 2)}\n`)
    log(`${bench.name}: ${((performance.now() - started) / 1000).toFixed(0)} s, results in ${path.relative(process.cwd(), file)}`)
  }
  // Payload leaves handles open after destroy(), so the process would not end on its own.
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
