import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { findImageProblem } from '../imageRules'

/**
 * Runs before Payload writes anything, so a refused upload leaves no file and no record behind.
 */
export const refuseBadImages: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) {
    if (operation === 'create') throw new APIError('没有收到图片文件，请重新选择。', 400, undefined, true)
    return args
  }
  const problem = await findImageProblem(file.data)
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}
