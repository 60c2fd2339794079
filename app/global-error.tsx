'use client'

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
          {/* A full page load, not the router's: the root layout itself failed. next/link here put a
              second copy of its code (~3 kB) in a chunk every page loads. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Back to the shop</a>
        </p>
      </body>
    </html>
  )
}
