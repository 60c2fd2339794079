/**
 * A stand-in for the `next-auth` package under Vitest. The real package imports `next/server`
 * without an extension, which Node's ESM loader refuses outside Next.js, so test files replace it:
 *
 *   vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
 *   vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))
 *
 * `NextAuth(config)` records the app's real configuration (lib/auth/auth.ts) and returns:
 * - `auth`: a vi.fn whose session the test sets (see signInAs in lib/testing/auth.ts);
 * - `signIn`: by default the real Auth.js core (`@auth/core`) handling a credentials callback with
 *   the app's configuration, so the real `authorize` (rate limiting, password check) and the JWT
 *   callbacks run; it redirects like next-auth's signIn;
 * - `signOut`: redirects to `redirectTo` like next-auth's signOut.
 */
import { Auth, raw, skipCSRFCheck } from '@auth/core'
import type { NextAuthConfig, Session } from 'next-auth'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { vi } from 'vitest'

export { AuthError, CredentialsSignin } from '@auth/core/errors'

type SignInOptions = { redirectTo?: string; redirect?: boolean } & Record<string, unknown>
type Cookie = { name: string; value: string }

export const nextAuthMock = {
  config: undefined as NextAuthConfig | undefined,
  /** Cookies the last successful credentials sign-in set (the session cookie among them). */
  lastSignInCookies: [] as Cookie[],
  auth: vi.fn(async (): Promise<Session | null> => null),
  signIn: vi.fn(credentialsSignIn),
  signOut: vi.fn(async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? '/')),
  update: vi.fn(sessionUpdate),
}

export function authConfig(): NextAuthConfig {
  if (!nextAuthMock.config) throw new Error('lib/auth/auth.ts has not been imported yet')
  return nextAuthMock.config
}

/** The Credentials provider's own `authorize` from the app's configuration. */
export function credentialsAuthorize() {
  for (const provider of authConfig().providers) {
    const resolved = typeof provider === 'function' ? provider() : provider
    const options = (resolved as { options?: { authorize?: unknown } }).options
    if (resolved.id === 'credentials' && typeof options?.authorize === 'function') {
      return options.authorize as (credentials: Record<string, unknown>, request: Request) => Promise<unknown>
    }
  }
  throw new Error('no credentials provider configured')
}

/** next-auth's server-side signIn for the credentials provider, without Next.js around it. */
async function credentialsSignIn(provider: string, options: SignInOptions = {}): Promise<never> {
  const { redirectTo = '/', redirect: _redirect, ...fields } = options
  const requestHeaders = new Headers(await headers())
  requestHeaders.set('Content-Type', 'application/x-www-form-urlencoded')
  const body = new URLSearchParams({ ...(fields as Record<string, string>), callbackUrl: redirectTo })
  const request = new Request(`http://localhost:3000/api/auth/callback/${provider}`, { method: 'POST', headers: requestHeaders, body })
  const config = { ...authConfig(), basePath: '/api/auth', raw, skipCSRFCheck, logger: { error() {}, warn() {}, debug() {} } }
  const response = (await Auth(request, config as Parameters<typeof Auth>[1] & { raw: typeof raw })) as unknown as {
    redirect?: string
    cookies?: Cookie[]
  }
  nextAuthMock.lastSignInCookies = response.cookies ?? []
  redirect(response.redirect ?? redirectTo)
}

type JwtParams = Parameters<NonNullable<NonNullable<NextAuthConfig['callbacks']>['jwt']>>[0]
type SessionParams = Parameters<NonNullable<NonNullable<NextAuthConfig['callbacks']>['session']>>[0]

/**
 * next-auth's unstable_update: the app's real jwt and session callbacks turn the current session
 * (whatever `auth` returns) and the update's data into the session `auth` returns from now on.
 */
async function sessionUpdate(data: Partial<Session>): Promise<Session | null> {
  const current = await nextAuthMock.auth()
  const callbacks = authConfig().callbacks
  if (!current || !callbacks?.jwt || !callbacks.session) return null
  const token = { id: current.user.id, role: current.user.role, sessionVersion: current.user.sessionVersion }
  const updated = await callbacks.jwt({ token, session: data, trigger: 'update' } as unknown as JwtParams)
  if (!updated) return null
  const session = (await callbacks.session({ session: { ...current, user: { ...current.user } }, token: updated } as unknown as SessionParams)) as Session
  nextAuthMock.auth.mockResolvedValue(session)
  return session
}

export default function NextAuth(config: NextAuthConfig) {
  nextAuthMock.config = config
  const notAvailable = async () => new Response('route handlers are not available under test', { status: 501 })
  return {
    handlers: { GET: notAvailable, POST: notAvailable },
    auth: nextAuthMock.auth,
    signIn: nextAuthMock.signIn,
    signOut: nextAuthMock.signOut,
    unstable_update: nextAuthMock.update,
  }
}
