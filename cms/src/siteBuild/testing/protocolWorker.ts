// A small real render worker for the CMS side's tests: it speaks the renderer's protocol
// (I12-CONTRACT part A) without rendering pages. Plain Node (type stripping): no imports of ours.
//   --worker  prints {"ready":true}, answers each request line, appends what it rendered to
//             <SITE_OUT>/render-log.jsonl and bumps manifest.json; exits when stdin closes.
//   --full    writes manifest.json, logs {"full":true}, prints {"ok":true,"pages":N,"ms":T}.
//   --worker --full-first   does what --full does first (saying {"full":true,…}), then goes on as --worker.
//   --worker --full-if-changed   likewise when there is no manifest or the test says the templates changed;
//             else says it caught up (logging {"catchUp":true}), as the real worker does with unchanged templates.
// <SITE_OUT>/test-worker.json tunes it per test: {"delayMs": n, "fail": "<collection>", "failFull": "<reason>", "templatesChanged": true}.
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

type Change = { kind: 'doc'; collection: string; id: number | string } | { kind: 'global'; slug: string }

const out = process.env.SITE_OUT
if (!out) {
  process.stderr.write('SITE_OUT is not set\n')
  process.exit(2)
}
fs.mkdirSync(out, { recursive: true })
const logFile = path.join(out, 'render-log.jsonl')
const manifestFile = path.join(out, 'manifest.json')

function tuning(): { delayMs?: number; fail?: string; failFull?: string; templatesChanged?: boolean } {
  try {
    return JSON.parse(fs.readFileSync(path.join(out!, 'test-worker.json'), 'utf8'))
  } catch {
    return {}
  }
}

const urlOf = (change: Change) => (change.kind === 'doc' ? `/${change.collection}/${change.id}/` : `/${change.slug}/`)

function writeManifest(pages: Record<string, unknown>) {
  let version = 0
  try {
    version = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).version
  } catch {
    // first one
  }
  const temp = `${manifestFile}.${process.pid}.tmp`
  fs.writeFileSync(temp, JSON.stringify({ version: version + 1, pages }))
  fs.renameSync(temp, manifestFile)
}

/** A full render; false when the test asked it to fail (it then said why). */
function renderFull(summary: Record<string, unknown>): boolean {
  const started = Date.now()
  const { failFull } = tuning()
  if (failFull) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: failFull })}\n`)
    return false
  }
  writeManifest({ '/': { object: 'home.html', type: 'text/html; charset=utf-8' } })
  fs.appendFileSync(logFile, `${JSON.stringify({ full: true, pid: process.pid })}\n`)
  process.stdout.write(`${JSON.stringify({ ...summary, ok: true, pages: 1, ms: Date.now() - started })}\n`)
  return true
}

if (process.argv.includes('--full')) {
  process.exit(renderFull({}) ? 0 : 1)
} else {
  const say = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`)
  if (process.argv.includes('--full-first') && !renderFull({ full: true })) process.exit(1)
  if (process.argv.includes('--full-if-changed')) {
    if (!fs.existsSync(manifestFile) || tuning().templatesChanged) {
      say({ start: 'full', reason: fs.existsSync(manifestFile) ? '模板已更新，全量生成' : '尚无已生成的门户，全量生成' })
      if (!renderFull({ full: true })) process.exit(1)
    } else {
      say({ start: 'catch-up', reason: '模板未变，跳过启动时的全量生成' })
      fs.appendFileSync(logFile, `${JSON.stringify({ catchUp: true, pid: process.pid })}\n`)
      say({ caughtUp: true, ok: true, rendered: 0, removed: 0, ms: 0 })
    }
  }
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
  const lines = readline.createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    const request = JSON.parse(line) as { seq: number; changes: Change[] }
    const { delayMs = 0, fail } = tuning()
    setTimeout(() => {
      const started = Date.now()
      if (fail && request.changes.some((c) => c.kind === 'doc' && c.collection === fail)) {
        process.stdout.write(`${JSON.stringify({ seq: request.seq, ok: false, error: `渲染“${fail}”页面时模板出错（测试）` })}\n`)
        return
      }
      const urls = request.changes.map(urlOf)
      fs.appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, seq: request.seq, changes: request.changes })}\n`)
      writeManifest(Object.fromEntries(urls.map((url) => [url, { object: 'x.html', type: 'text/html; charset=utf-8' }])))
      process.stdout.write(`${JSON.stringify({ seq: request.seq, ok: true, rendered: urls.length, removed: 0, ms: Date.now() - started, urls })}\n`)
    }, delayMs)
  })
  lines.on('close', () => process.exit(0))
}
