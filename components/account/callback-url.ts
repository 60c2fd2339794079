import { callbackUrlSchema } from '@/lib/auth/validation'

/**
 * The `?callbackUrl=` to return to after signing in. Browsers drop tabs and newlines from URLs,
 * so "/\t/evil.example" would become "//evil.example": such values fall back to /account too.
 */
export function parseCallbackUrl(value: string | string[] | undefined) {
  const url = callbackUrlSchema.parse(value)
  return /[\u0000-\u0020\u007f\\]/.test(url) ? '/account' : url
}
