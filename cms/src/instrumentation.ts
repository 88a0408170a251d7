// Next.js calls register() once when the server starts. Payload's job runner (scheduled
// publishing) only starts with a cron-enabled Payload, which otherwise would first be created
// when someone opens the admin; starting it here means nothing has to be visited or remembered.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { getPayload } = await import('payload')
  const { default: config } = await import('./payload.config')
  const payload = await getPayload({ config, cron: true })
  // SQLite's planner statistics, without which some staff lists sort every row (plannerStats.ts).
  const { keepPlannerStatsFresh } = await import('./plannerStats')
  await keepPlannerStatsFresh(payload)
  // Every server runs a portal renderer; the lease lets one of them render (siteBuild/renderer.ts).
  const { startSiteRenderer } = await import('./siteBuild/startRenderer')
  startSiteRenderer(payload)
}
