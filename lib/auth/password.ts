import 'server-only'
import { type Algorithm, hash, verify } from '@node-rs/argon2'

/** OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum, which isolatedModules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS)
}

// Verified against when the email is unknown, so both paths cost the same time.
let decoyHash: Promise<string> | undefined

/** False for a wrong password, an unknown account (passwordHash null) or a malformed hash. */
export async function verifyPassword(passwordHash: string | null, password: string) {
  decoyHash ??= hashPassword('decoy password that never matches anything')
  try {
    const ok = await verify(passwordHash ?? (await decoyHash), password)
    return passwordHash !== null && ok
  } catch {
    return false // a corrupt stored hash is treated as a wrong password, never as a crash
  }
}
