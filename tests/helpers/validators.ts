// Independent checkers for what the portal publishes: the W3C Nu HTML validator (vnu-jar, on
// Java) and xmllint against an XSD. Neither downloads anything: Java and libxml2-utils come from
// Debian (.ci/run installs them), the schemas are committed fixtures.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import vnuJar from 'vnu-jar'

const run = promisify(execFile)

export type NuMessage = { type: string; url?: string; lastLine?: number; message: string; extract?: string }

/** Nu's errors for HTML files (one JVM for all of them). */
export async function nuErrors(files: string[]): Promise<NuMessage[]> {
  // Nu exits non-zero when it finds errors; its report is the JSON either way.
  const result = await run('java', ['-Xss1m', '-jar', String(vnuJar), '--errors-only', '--format', 'json', '--stdout', ...files], {
    maxBuffer: 20 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    if (!error.stdout) throw new Error(`vnu did not run: ${error.stderr || error.message}`)
    return { stdout: error.stdout }
  })
  const { messages } = JSON.parse(result.stdout) as { messages: NuMessage[] }
  return messages.filter((m) => m.type === 'error' || m.type === 'non-document-error')
}

/** xmllint's complaints about `file` against the XSD `schema` (empty when it validates). */
export async function xsdErrors(file: string, schema: string): Promise<string> {
  try {
    await run('xmllint', ['--noout', '--nonet', '--schema', schema, file])
    return ''
  } catch (error) {
    return (error as { stderr?: string }).stderr || String(error)
  }
}
