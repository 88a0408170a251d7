// The five staff roles of the publicity office. Slugs are stored; labels are what people read.
export const roles = ['contributor', 'editor', 'reviewer', 'approver', 'admin'] as const

export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  contributor: '通讯员',
  editor: '编辑',
  reviewer: '审核',
  approver: '签发',
  admin: '管理员',
}

export const roleOptions = roles.map((value) => ({ label: roleLabels[value], value }))
