import 'server-only'
import { spawn } from 'node:child_process'
import { seedIfEmpty, withDatabase } from './database'

// Usage: tsx db/scripts/with-db.ts <command> [args…]
// Runs the command with DATABASE_URL pointing at a migrated database (see withDatabase).
const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: with-db <command> [args…]')
  process.exit(2)
}

const exitCode = await withDatabase(async ({ url, embedded }) => {
  if (embedded) {
    await seedIfEmpty(url)
    console.log(`Embedded database (PGlite) ready at ${url}`)
  }
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } })
  // Ctrl+C reaches the whole process group: let the child shut down, then close the database.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  return new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(1)
    })
  })
})
process.exit(exitCode)
