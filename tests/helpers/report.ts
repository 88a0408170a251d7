// Prints one closing line for the whole suite ("N passed, N failed, N skipped") from each
// package's vitest JSON report, so CI can read the result however turbo interleaved the output.
import fs from 'node:fs'
import path from 'node:path'

import { repoRoot } from './paths.ts'

let passed = 0
let failed = 0
let skipped = 0
for (const pkg of ['cms', 'site', 'tests']) {
  const file = path.join(repoRoot, pkg, '.vitest/results.json')
  if (!fs.existsSync(file)) continue
  const report = JSON.parse(fs.readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
  console.log(`${pkg}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`)
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
