// vitest setupFile. The cms config runs files with `isolate: false`: a worker runs file after file
// instead of one fresh process per file, so Payload, Next, lexical, sharp… (node_modules, loaded by
// Node itself) are loaded once per worker instead of once per file, which cost every file ~4 s of
// CPU. What made files independent is redone here, before each file:
// - our own modules (src/**) are evaluated afresh, so each file's `payload.config` reads that
//   file's environment (its own DATABASE_URL, MEDIA_DIR) and no module state crosses files;
// - Payload's process-wide instance cache (getPayload, also used by the REST route handlers) is
//   emptied, so each file gets a Payload of its own on its own database;
// - the environment is put back as the worker started, so a variable one file set is not seen by the next.
import { afterAll, vi } from 'vitest'

const startEnv = ((globalThis as { __liushanStartEnv?: NodeJS.ProcessEnv }).__liushanStartEnv ??= { ...process.env })

vi.resetModules()
;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key]
  Object.assign(process.env, startEnv)
})
