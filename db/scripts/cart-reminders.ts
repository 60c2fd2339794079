import 'server-only'
import { withDatabase } from './database'

// Usage: npm run cart:reminders — queues reminders for carts left untouched (CART_REMINDER_DELAY_HOURS) and sends due mail.
await withDatabase(async () => {
  const { runningOutsideNextServer } = await import('@/lib/catalog/cache')
  runningOutsideNextServer()
  const { scheduleCartReminders } = await import('@/lib/cart-reminders/reminders')
  const { runDueJobs } = await import('@/lib/jobs/runner')
  const { queued } = await scheduleCartReminders()
  console.log({ queued, ...(await runDueJobs(1000)) })
  const { sql } = await import('@/db/client')
  await sql.end()
})
