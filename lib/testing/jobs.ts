import { runDueJobs } from '@/lib/jobs/runner'

/**
 * Runs every job that is due, in batches, until none is left: the test database keeps the jobs
 * earlier test files queued and never ran, so one batch may not reach the job a test waits for.
 */
export async function runAllDueJobs() {
  for (;;) {
    const { done, failed } = await runDueJobs()
    if (done + failed === 0) return
  }
}
