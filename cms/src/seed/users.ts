import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '../roles'

export const demoUsers: { email: string; name: string; role: Role; department: string }[] = [
  { email: 'admin@example.com', name: '系统管理员', role: 'admin', department: '办公室' },
  { email: 'editor@example.com', name: '编辑 李某', role: 'editor', department: '办公室' },
  { email: 'reviewer@example.com', name: '审核 赵某', role: 'reviewer', department: '办公室' },
  { email: 'approver@example.com', name: '签发 王某', role: 'approver', department: '院领导' },
  { email: 'contributor@example.com', name: '通讯员 张某', role: 'contributor', department: '民一庭' },
]

export type SeededUsers = { ids: Record<Role, number>; password?: string }

const generatePassword = () => `Ls-${crypto.randomBytes(9).toString('base64url')}`

/**
 * One account per role. New accounts get SEED_PASSWORD, or a generated password that is
 * returned (to be printed once); existing accounts are left as they are.
 */
export async function ensureDemoUsers(payload: Payload): Promise<SeededUsers> {
  const ids = {} as Record<Role, number>
  let password: string | undefined
  for (const user of demoUsers) {
    const existing = await payload.find({ collection: 'users', where: { email: { equals: user.email } }, limit: 1 })
    if (existing.docs[0]) {
      ids[user.role] = existing.docs[0].id
      continue
    }
    password ??= process.env.SEED_PASSWORD || generatePassword()
    const created = await payload.create({ collection: 'users', data: { ...user, password } })
    ids[user.role] = created.id
  }
  return { ids, password }
}
