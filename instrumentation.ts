/** Runs once when a server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertProductionConfig } = await import('./lib/startup')
    assertProductionConfig()
    const { startTelemetry } = await import('./lib/instrumentation')
    await startTelemetry()
  }
}
