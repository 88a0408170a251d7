import type { Field, FieldAccess } from 'payload'

import { minorPhotosLabel } from '../checks/minors'
import { roleOf } from '../access'

/** Marks fields that hold no content for readers, so the pre-publish checks do not read them. */
export const notContent = { notContent: true }

/**
 * The 签发人's per-photo confirmation that faces and identifying details of minors are obscured.
 * Only 签发 and 管理员 may tick; the pre-publish check asks for it when an item puts minors in a
 * case, and the confirmed photos are named in the 审签记录 of the publish step.
 */
const signers: FieldAccess = ({ req }) => ['approver', 'admin'].includes(roleOf(req.user) ?? '')

export const minorPhotosField: Field = {
  name: 'minorPhotosObscured',
  type: 'upload',
  relationTo: 'media',
  hasMany: true,
  label: minorPhotosLabel,
  custom: notContent,
  access: { create: signers, update: signers },
  admin: {
    position: 'sidebar',
    description: '稿件涉及未成年人时，签发人须逐张查看封面图、图片和正文中的图片，确认面部和学校、住址等可识别身份的信息已遮挡后，在此选中该图片。',
  },
}
