import 'server-only'
import { withDatabase } from './database'

await withDatabase(async ({ url, embedded }) => {
  console.log(`Migrations applied to ${embedded ? 'the embedded database' : new URL(url).host}`)
})
