// Looking a document up by id: "there is none" is an answer, a failing database is not, and it
// must never reach people as "不存在".
import { NotFound, type Payload } from 'payload'

/**
 * The document, or null when Payload finds none (findByID with disableErrors answers null, and
 * an id of the wrong shape finds nothing; without disableErrors it throws NotFound). Any other
 * error — the database unreachable, a broken table — is thrown on.
 */
export async function foundOrNull<T>(lookup: Promise<T | null>): Promise<T | null> {
  try {
    return await lookup
  } catch (error) {
    if (error instanceof NotFound) return null
    throw error
  }
}

/**
 * A failure nobody could have asked for: logged for the administrator with its cause, answered
 * with 500 and a Chinese message that says what failed and what to do.
 */
export function unexpectedFailure(payload: Payload, error: unknown, doing: string): { status: 500; message: string } {
  payload.logger.error({ err: error, msg: `${doing}失败` })
  return { status: 500, message: `${doing}时系统出错，请稍后重试；如一再出现，请联系管理员。` }
}
