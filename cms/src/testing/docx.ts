// Reading what the package export writes, for tests: zip entries, WordprocessingML by targeted
// patterns on well-defined elements and attributes, and PDFs made by LibreOffice.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { strFromU8, unzipSync } from 'fflate'

export const unzip = (data: Uint8Array) => unzipSync(data)

export const entryText = (files: Record<string, Uint8Array>, name: string) => {
  const entry = files[name]
  if (!entry) throw new Error(`no ${name} in the zip; it has ${Object.keys(files).join(', ')}`)
  return strFromU8(entry)
}

/** The attributes of an element's start tag, e.g. attributesOf('<w:pgSz w:w="11906" w:h="16838"/>') → { 'w:w': '11906', … }. */
export function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
}

/** The first `<name …>` element in the XML (start tag only), as attributes; undefined when absent. */
export function element(xml: string, name: string): Record<string, string> | undefined {
  const match = xml.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`))
  return match ? attributesOf(match[0]) : undefined
}

export function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => attributesOf(m[0]))
}

/** One style's definition in word/styles.xml, by id. */
export function styleXml(stylesXml: string, styleId: string): string {
  const match = stylesXml.match(new RegExp(`<w:style\\b[^>]*w:styleId="${styleId}"[^>]*>([\\s\\S]*?)</w:style>`))
  if (!match) throw new Error(`no style ${styleId}`)
  return match[1]
}

/** The document's paragraphs: their XML and their text. */
export function paragraphs(documentXml: string): { xml: string; text: string; style?: string }[] {
  return [...documentXml.matchAll(/<w:p(?=[\s>])[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    xml: m[1],
    text: [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    style: element(m[1], 'w:pStyle')?.['w:val'],
  }))
}

/** LibreOffice's command, if installed. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name)
      if (fs.existsSync(candidate)) return candidate
    }
  }
  return undefined
}

/**
 * Converts a document to PDF with LibreOffice, headless, with a profile of its own in `workDir`
 * so that parallel runs (and a user's open LibreOffice) don't clash. Returns the PDF's bytes.
 */
export async function convertToPdf(soffice: string, file: string, workDir: string): Promise<Buffer> {
  const profile = path.join(workDir, 'lo-profile')
  const outDir = path.join(workDir, 'pdf')
  await promisify(execFile)(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file],
    { timeout: 180_000 },
  )
  return fs.readFileSync(path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`))
}

/** Page sizes (points) from each page's /MediaBox, and the page count. */
export function pdfPages(pdf: Buffer): { count: number; sizes: { width: number; height: number }[] } {
  const text = pdf.toString('latin1')
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])[\s\S]*?\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g)]
  const sizes = pages.map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }))
  return { count: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, sizes }
}
