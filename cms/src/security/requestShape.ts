import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'

// Payload's operators that work on this project's fields (no point fields, so no geo queries;
// `all` is for array columns SQLite does not have).
const scalarOperators = new Set(['equals', 'not_equals', 'like', 'not_like', 'contains', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'exists'])
const listOperators = new Set(['in', 'not_in'])

const refuse = (message: string) => new APIError(`查询条件无效：${message}`, 400, undefined, true)

const isScalar = (value: unknown) => value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value)
const isId = (value: unknown) => (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value))

/** Throws a 400 with a Chinese reason for a `where` Payload would turn into a server error. */
export function checkWhere(where: unknown, depth = 0): void {
  if (where === undefined || where === null) return
  if (typeof where !== 'object' || Array.isArray(where)) throw refuse('应为字段与条件的对象')
  if (depth > 8) throw refuse('嵌套层级过多')
  for (const [path, condition] of Object.entries(where as Where)) {
    if (path === 'and' || path === 'or') {
      const parts = Array.isArray(condition) ? condition : typeof condition === 'object' && condition ? Object.values(condition) : null
      if (!parts) throw refuse(`“${path}”应为条件列表`)
      for (const part of parts) checkWhere(part, depth + 1)
      continue
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) throw refuse(`字段“${path}”缺少运算符（如 equals）`)
    for (const [operator, value] of Object.entries(condition)) {
      const values = listOperators.has(operator) ? (typeof value === 'string' ? value.split(',') : value) : [value]
      if (!scalarOperators.has(operator) && !listOperators.has(operator)) throw refuse(`不支持运算符“${operator}”（字段“${path}”）`)
      if (!Array.isArray(values) || !values.every(isScalar)) throw refuse(`字段“${path}”的“${operator}”条件值格式不对`)
      const idPath = path === 'id' || path.endsWith('.id')
      if (idPath && operator !== 'exists' && !values.every((v) => v === null || v === '' || isId(v))) throw refuse(`编号“${path}”只能是数字`)
    }
  }
}

/**
 * Malformed requests are answered 400 with a reason instead of failing deep inside Payload
 * (a 500): unsupported query operators, and bodies that are not a JSON object or a form.
 */
export const refuseMalformedRequests: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // The system's own queries are trusted; requests from outside are checked.
  if (req.payloadAPI === 'local') return args
  const { where, data } = args as { where?: unknown; data?: unknown }
  checkWhere(where)
  if ((operation === 'create' || operation === 'update') && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    throw new APIError('请求内容应为 JSON 对象（Content-Type: application/json）或带 _payload 的表单。', 400, undefined, true)
  }
  return args
}
