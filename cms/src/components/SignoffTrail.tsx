// Placeholder: the 审签记录 table is being written.
export function SignoffTrail() {
  return null
}
