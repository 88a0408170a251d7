export type Id = number | string

/** The id of a relationship value, whether Payload returned it populated (a document) or as a bare id. */
export const idOf = (value: unknown): Id | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? id : undefined
}
