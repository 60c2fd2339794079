import 'server-only'
import { DrizzleAdapter } from '@auth/drizzle-adapter'
import NextAuth, { CredentialsSignin } from 'next-auth'
import type { Provider } from 'next-auth/providers'
import Credentials from 'next-auth/providers/credentials'
import GitHub from 'next-auth/providers/github'
import Google from 'next-auth/providers/google'
import { db } from '@/db/client'
import { accounts, sessions, users, verificationTokens } from '@/db/schema'
import { mergeGuestCartAtSignIn } from '@/lib/cart/merge'
import { mergeGuestWishlistAtSignIn } from '@/lib/wishlist/wishlist'
import { authSecret, env } from '@/lib/env'
import { verifyPassword } from './password'
import { clearLoginFailures, lockedFor, loginKeys, loginSlowdownMs, loginThrottle, recordAttempt } from './rate-limit'
import { clientIpFrom } from './request'
import { isValidSessionVersionGrant, sessionVersionOf, tokenSessionVersion } from './session-version'
import { findUserByEmail } from './users'
import { loginSchema } from './validation'

/** Thrown from `authorize` when the email from this IP, or the IP, is locked out; the login action shows the message. */
export class RateLimitedSignin extends CredentialsSignin {
  code = 'rate_limited'
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(credentials, request) {
      const parsed = loginSchema.safeParse(credentials)
      if (!parsed.success) return null
      const { email, password } = parsed.data
      const ip = clientIpFrom(request.headers)
      const keys = loginKeys({ email, ip })
      if ((await lockedFor('login', keys)) > 0) throw new RateLimitedSignin()
      // Failures for this email from other IPs slow it down rather than lock its owner out.
      const delay = await loginSlowdownMs(email)
      if (delay > 0) await loginThrottle.sleep(delay)

      const user = await findUserByEmail(email)
      // verifyPassword also runs for unknown emails, so timing does not reveal who has an account.
      if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
        await recordAttempt('login', keys)
        return null
      }
      await clearLoginFailures(email, ip)
      return { id: user.id, name: user.name, email: user.email, role: user.role }
    },
  }),
]
if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
  providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }))
}
if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
  providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }))
}

/** Providers other than email + password, for the login page's buttons. */
export const oauthProviders = providers
  .map((provider) => (typeof provider === 'function' ? provider() : provider))
  .filter((provider) => provider.type === 'oauth' || provider.type === 'oidc')
  .map((provider) => ({ id: provider.id, name: provider.name }))

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // Credentials sign-in requires JWT sessions. The role in the token is only a hint for the UI:
  // requireAdmin() re-reads it from the database on every request.
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  secret: authSecret,
  trustHost: env.AUTH_TRUST_HOST ?? (env.NODE_ENV !== 'production' || Boolean(env.VERCEL)),
  // Cookies: HttpOnly and SameSite=Lax by Auth.js default; Secure (with the __Secure- prefix) on https.
  useSecureCookies: env.NODE_ENV === 'production' && !env.SITE_URL?.startsWith('http://'),
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an expected outcome (counted by the rate limiter), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return
      console.error('[auth]', error)
    },
  },
  providers,
  events: {
    async signIn({ user }) {
      if (user.id) await Promise.all([mergeGuestCartAtSignIn(user.id), mergeGuestWishlistAtSignIn(user.id)])
    },
  },
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.id = user.id
        token.role = user.role ?? 'customer'
        // getCurrentUser() compares it with the user's on every request (lib/auth/session-version.ts).
        token.sessionVersion = (await sessionVersionOf(user.id)) ?? 0
      }
      // A session that ended the others moves to the new version; only the server can grant that.
      if (trigger === 'update' && typeof token.id === 'string') {
        const version: unknown = session?.user?.sessionVersion
        const grant: unknown = session?.sessionVersionGrant
        if (typeof version === 'number' && typeof grant === 'string' && isValidSessionVersionGrant(token.id, version, grant)) {
          token.sessionVersion = version
        }
      }
      return token
    },
    session({ session, token }) {
      if (typeof token.id === 'string') session.user.id = token.id
      session.user.role = token.role === 'admin' ? 'admin' : 'customer'
      session.user.sessionVersion = tokenSessionVersion(token.sessionVersion)
      return session
    },
  },
})
