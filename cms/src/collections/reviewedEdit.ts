import type { CollectionConfig } from 'payload'

type EditComponents = NonNullable<NonNullable<NonNullable<CollectionConfig['admin']>['components']>['edit']>

/**
 * The edit view's header for every reviewed collection: the 审签状态 in place of Payload's
 * 草稿/已发布, and one button per step the signed-in person may take now (workflow/rights.ts),
 * in place of Payload's 保存草稿 / 发布修改 / 取消发布.
 */
export const reviewedEditComponents: EditComponents = {
  Status: '/components/workflow/WorkflowStatus#WorkflowStatus',
  SaveDraftButton: '/components/workflow/WorkflowActions#WorkflowActions',
  PublishButton: '/components/workflow/WorkflowActions#NoButton',
  UnpublishButton: '/components/workflow/WorkflowActions#NoButton',
  beforeDocumentControls: ['/components/PackageButton#PackageButton', '/wechatExport/WechatButton#WechatButton'],
}
