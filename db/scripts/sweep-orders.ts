import 'server-only'
import { withDatabase } from './database'

// Usage: npm run orders:sweep — cancels expired unpaid orders (returning their stock) and retries due mail.
await withDatabase(async () => {
  const { runningOutsideNextServer } = await import('@/lib/catalog/cache')
  runningOutsideNextServer()
  const { sweepExpiredOrders } = await import('@/lib/orders/sweeper')
  console.log(await sweepExpiredOrders(1000))
  const { sql } = await import('@/db/client')
  await sql.end()
})
