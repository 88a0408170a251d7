import { createStaff, testPassword } from './fixtures'
import { restClient } from './restClient'
import { startTestPayload, type TestPayload } from './testPayload'

export type EditorSession = { t: TestPayload; rest: ReturnType<typeof restClient>; token: string }

/** A real Payload with the demo staff, and the REST client signed in as the editor. */
export async function startAsEditor(): Promise<EditorSession> {
  const t = await startTestPayload()
  const rest = restClient(t.config)
  const staff = await createStaff(t.payload)
  return { t, rest, token: await rest.login(staff.editor.email, testPassword) }
}
