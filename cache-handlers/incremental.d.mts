import type { CacheHandler } from 'next/dist/server/lib/incremental-cache'

declare const IncrementalCacheHandler: typeof CacheHandler
export default IncrementalCacheHandler
export function encode(value: unknown): unknown
export function decode(value: unknown): unknown
