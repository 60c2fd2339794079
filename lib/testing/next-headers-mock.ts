/**
 * A stand-in for `next/headers` under Vitest: `vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))`.
 * The client IP (x-forwarded-for) starts random per test file so rate-limit counters of different
 * files never add up; tests that count attempts call setClientIp() with a fresh address.
 */
import { randomInt } from 'node:crypto'

export const request = { ip: randomIp(), cookies: new Map<string, string>() }

export function randomIp() {
  return `198.18.${randomInt(256)}.${randomInt(1, 255)}`
}

/** Makes the following requests come from this address (a fresh random one by default). */
export function setClientIp(ip = randomIp()) {
  request.ip = ip
  return ip
}

export async function headers() {
  return new Headers({ 'x-forwarded-for': request.ip, host: 'localhost:3000' })
}

export async function cookies() {
  return {
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) ?? '' } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} }
}
