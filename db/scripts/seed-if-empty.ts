import 'server-only'
import { seedIfEmpty, withDatabase } from './database'

// Usage: npm run db:seed-if-empty — migrates DATABASE_URL, then adds the demo catalog, the demo
// accounts and their orders only where the database has none (compose.yaml's one-shot seed).
await withDatabase(({ url }) => seedIfEmpty(url))
