// How the package endpoints answer: the .zip as a download, or a refusal in Chinese (JSON).
import type { Payload, PayloadRequest } from 'payload'

import { download, errorResponse, refuseUnlessStaff } from '../http'
import { unexpectedFailure } from '../lookup'
import type { Submission } from '../payload-types'
import type { Id } from './photos'

/** Staff only: anonymous callers get 401, accounts without a role 403. */
export const refuseUnlessStaffForPackage = (req: PayloadRequest) => refuseUnlessStaff(req, '下载报送材料包')

/**
 * Loads the item and builds its package, or refuses in Chinese (500 for a failure such as a database outage). The builders are imported on
 * demand, so the collection configs every request loads do not carry docx and the zip code.
 */
export async function respondWithPackage(
  payload: Payload,
  target: { collection: string; id: Id },
  options: { submission?: Submission; asciiFallback: string; caller: PayloadRequest['user'] },
): Promise<Response> {
  try {
    const [{ loadPackageInput }, { buildPackage }] = await Promise.all([import('./loadPackage'), import('./buildPackage')])
    const loaded = await loadPackageInput(payload, target, options.submission, options.caller)
    if (!loaded.ok) return errorResponse(loaded.status, loaded.message)
    const pkg = await buildPackage(loaded.input)
    return download(pkg.zip, 'application/zip', pkg.fileName, options.asciiFallback)
  } catch (error) {
    const failure = unexpectedFailure(payload, error, '生成报送材料包')
    return errorResponse(failure.status, failure.message)
  }
}
