// No module of the CMS imports itself back through others: a cycle makes load order decide
// which module sees the other's exports as undefined. Type-only imports count too, as they tie
// the same files together for a reader.
import fs from 'node:fs'
import path from 'node:path'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname)
const extensions = ['.ts', '.tsx', '/index.ts', '/index.tsx']

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = path.resolve(path.dirname(from), specifier)
  if (/\.tsx?$/.test(base) && fs.existsSync(base)) return base
  return extensions.map((ext) => base + ext).find((file) => fs.existsSync(file))
}

/** Each source file's local imports (import, export … from, import()). */
function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
      const targets = importedFiles.map((ref) => resolve(file, ref.fileName)).filter((target): target is string => Boolean(target))
      return [file, [...new Set(targets)]]
    }),
  )
}

/** Cycles of a graph as the files that form them (depth-first search): at least one whenever there is any. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = []
  const seen = new Set<string>()
  const onPath: string[] = []
  const visit = (file: string) => {
    if (onPath.includes(file)) {
      cycles.push(onPath.slice(onPath.indexOf(file)).concat(file))
      return
    }
    if (seen.has(file)) return
    seen.add(file)
    onPath.push(file)
    for (const next of graph.get(file) ?? []) visit(next)
    onPath.pop()
  }
  for (const file of graph.keys()) visit(file)
  return cycles
}

describe('imports', () => {
  it('the cycle finder finds a cycle', () => {
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']])
  })

  it('no module of cms/src imports itself back through others', () => {
    const graph = importGraph(sourceFiles(root))
    expect(graph.size).toBeGreaterThan(100)
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((file) => path.relative(root, file)).join(' → '))
    expect(cycles).toEqual([])
  })
})
