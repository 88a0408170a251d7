/** A refusal the operator reads: the message is Chinese and says what to do; nothing was changed. */
export class BackupError extends Error {
  override name = 'BackupError'
}
