import type { CollectionBeforeOperationHook } from 'payload'

// Control characters, zero-width characters and every bidi override, embedding and isolate:
// "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in the admin and in a download dialog.
const hidden = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu

/** A file name as people see it: no hidden or direction-changing characters. */
export function cleanFileName(name: string): string {
  const cleaned = name.normalize('NFC').replace(hidden, '').trim()
  return cleaned || 'file'
}

/** Cleans the uploaded file's name (and a name given in the data) before Payload stores it. */
export const cleanUploadFileName: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (req.file?.name) req.file.name = cleanFileName(req.file.name)
  const data = (args as { data?: { filename?: unknown } }).data
  if (typeof data?.filename === 'string') data.filename = cleanFileName(data.filename)
  return args
}
