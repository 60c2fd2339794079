import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import { siteUrl } from '@/lib/env'
import { siteName } from '@/lib/site'
import './globals.css'

const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'swap',
})

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl),
  title: { default: `${siteName} — everyday goods, thoughtfully made`, template: `%s · ${siteName}` },
  description: 'Headphones, kitchenware, outdoor gear and more, shipped fast.',
  icons: { icon: '/logo.svg' },
  openGraph: { siteName, type: 'website', locale: 'en_US' },
  twitter: { card: 'summary_large_image' },
}

export const viewport: Viewport = { themeColor: '#ffffff', width: 'device-width', initialScale: 1 }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="flex min-h-dvh flex-col font-sans">{children}</body>
    </html>
  )
}
