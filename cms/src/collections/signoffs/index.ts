import type { Access, CollectionConfig, Where } from 'payload'

import { roleOf } from '../../access'
import { roleOptions } from '../../roles'
import { reviewedCollections, reviewedTypes } from '../../workflow/reviewed'
import { actionLabels, stateLabels, toOptions, workflowStates } from '../../workflow/states'
import { signoffRecordEndpoint } from './recordEndpoint'

/**
 * Contributors see the steps on the items they wrote (and the steps they took); other staff all.
 * Titles and review comments of other people's drafts are not theirs to read.
 */
const readSignoffs: Access = async ({ req }) => {
  const { user } = req
  const role = roleOf(user)
  if (!user || !role) return false
  if (role !== 'contributor') return true
  const mine: Where[] = [{ actor: { equals: user.id } }]
  for (const collection of reviewedCollections) {
    const { docs } = await req.payload.find({
      collection,
      where: { createdBy: { equals: user.id } },
      select: {},
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (docs.length) mine.push({ and: [{ docCollection: { equals: collection } }, { docId: { in: docs.map((d) => String(d.id)) } }] })
  }
  return { or: mine }
}

/**
 * 审签记录: one row per workflow step. Written only by the workflow hook (Local API with
 * overrideAccess); nobody may create, change or delete a row through the API, so the record
 * stays what happened.
 */
export const Signoffs: CollectionConfig = {
  slug: 'signoffs',
  labels: { singular: '审签记录', plural: '审签记录' },
  access: { read: readSignoffs, create: () => false, update: () => false, delete: () => false },
  admin: {
    group: '审签',
    useAsTitle: 'docTitle',
    defaultColumns: ['docTitle', 'action', 'fromState', 'toState', 'actorName', 'createdAt'],
    description: '每一步审核、签发、退回、撤稿的记录，不可修改。',
  },
  defaultSort: '-createdAt',
  // One item's record, printable (审签单) or as CSV: GET /api/signoffs/record/<collection>/<id>
  endpoints: [signoffRecordEndpoint],
  fields: [
    {
      name: 'docCollection',
      type: 'select',
      label: '稿件类型',
      required: true,
      index: true,
      options: reviewedCollections.map((value) => ({ label: reviewedTypes[value].kindLabel, value })),
    },
    { name: 'docId', type: 'text', label: '稿件编号', required: true, index: true },
    { name: 'docTitle', type: 'text', label: '稿件标题' },
    { name: 'action', type: 'select', label: '操作', required: true, options: toOptions(actionLabels, Object.keys(actionLabels) as (keyof typeof actionLabels)[]) },
    { name: 'fromState', type: 'select', label: '原状态', options: toOptions(stateLabels, workflowStates) },
    { name: 'toState', type: 'select', label: '新状态', required: true, options: toOptions(stateLabels, workflowStates) },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: '操作人' },
    { name: 'actorName', type: 'text', label: '操作人姓名' },
    { name: 'actorRole', type: 'select', label: '操作人角色', options: roleOptions },
    { name: 'comment', type: 'textarea', label: '意见' },
  ],
}
