import { forbidden } from 'next/navigation'

/**
 * What proxy.ts shows a signed-in shopper at /admin: app/forbidden.tsx, prerendered at build
 * with its 403 status, so the status is sent as is.
 */
export default function NoAccessPage() {
  forbidden()
}
