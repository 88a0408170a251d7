import { dictionary } from '@zxcvbn-ts/language-common'
import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

export const minPasswordLength = 10

// zxcvbn's list of the most common passwords, plus ones common in China and in court offices.
const common = new Set([
  ...dictionary['passwords-common'],
  'woaini1314', 'woaini520', '5201314520', 'admin123456', 'admin12345', 'administrator', 'qq123456789', 'aa123456789',
  'abc1234567', 'zxcvbnm123', '123456abcd', 'a1234567890', 'p@ssw0rd123', 'passw0rd123', 'fayuan123456', 'court123456',
])

/** Why a password may not be used, in words for the person choosing it; null when it may. */
export function passwordProblem(password: string, email?: string | null): string | null {
  if (password.length < minPasswordLength) return `密码至少需要 ${minPasswordLength} 个字符，当前只有 ${password.length} 个。`
  const lower = password.toLowerCase()
  if (email && (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase())) return '密码不能与电子邮箱（或其 @ 前的部分）相同。'
  if (common.has(lower) || /^(.)\1+$/.test(password)) return '这个密码太常见，很容易被猜到，请换一个（可组合字母、数字和符号）。'
  return null
}

const refuse = (message: string, req: Parameters<CollectionBeforeOperationHook>[0]['req']) =>
  new ValidationError({ collection: 'users', errors: [{ path: 'password', message }], req }, req.t)

/**
 * Every way a password is set (creating an account, changing it, resetting it with a token)
 * meets the rule. Runs before Payload hashes the password.
 */
export const enforcePasswordRule: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as unknown as { data?: { password?: unknown; email?: unknown; token?: unknown } }).data
  if (typeof data?.password !== 'string') return args
  let email = typeof data.email === 'string' ? data.email : undefined
  if (!email && operation === 'update' && (args as unknown as { id?: unknown }).id !== undefined) {
    const user = await req.payload.db.findOne({ collection: 'users', where: { id: { equals: (args as unknown as { id: unknown }).id } }, req })
    email = (user as { email?: string } | null)?.email
  }
  if (!email && operation === 'resetPassword' && typeof data.token === 'string') {
    const user = await req.payload.db.findOne({ collection: 'users', where: { resetPasswordToken: { equals: data.token } }, req })
    email = (user as { email?: string } | null)?.email
  }
  const problem = passwordProblem(data.password, email)
  if (problem) throw refuse(problem, req)
  return args
}

