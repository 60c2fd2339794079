import type { DefaultSession } from 'next-auth'

declare module 'next-auth' {
  interface User {
    role?: 'customer' | 'admin'
  }
  interface Session {
    user: { id: string; role: 'customer' | 'admin'; sessionVersion?: number } & DefaultSession['user']
    /** Only in a server-side session update: proof for a new sessionVersion (lib/auth/session-version.ts). */
    sessionVersionGrant?: string
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id?: string
    role?: 'customer' | 'admin'
    sessionVersion?: number
  }
}
