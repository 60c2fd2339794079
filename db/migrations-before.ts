import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const migrationsFolder = path.join(process.cwd(), 'db/migrations')

/**
 * For migration tests: the committed migrations before `tag`, in a temporary folder of their own,
 * so a database can be brought to the shape it had in production before that migration ran.
 */
export function migrationsBefore(tag: string) {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] }
  const index = journal.entries.findIndex((entry) => entry.tag === tag)
  if (index < 0) throw new Error(`no migration ${tag} in the journal`)
  const entries = journal.entries.slice(0, index)
  const folder = mkdtempSync(path.join(tmpdir(), 'migrations-before-'))
  cpSync(path.join(migrationsFolder, 'meta'), path.join(folder, 'meta'), { recursive: true })
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }))
  for (const entry of entries) cpSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`))
  return folder
}
