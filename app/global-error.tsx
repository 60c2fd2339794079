'use client'

import { Link } from '@/components/ui/link'

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>Something went wrong</h1>
        <p>The shop could not be loaded. Please try again in a moment.</p>
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          <Link href="/">Back to the shop</Link>
        </p>
      </body>
    </html>
  )
}
