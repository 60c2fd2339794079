// Under Vitest there is no Next.js cache: 'use cache' is an inert directive and these only note
// what they were asked, so catalog functions read straight from the test database and a test can
// check which tags an entry carries or a change expires (`cacheCalls`; empty it before acting).
export const cacheCalls = { tagged: [] as string[], expired: [] as string[] }

export function cacheTag(...tags: string[]) {
  cacheCalls.tagged.push(...tags)
}
export function cacheLife(_profile: unknown) {}
export function updateTag(tag: string) {
  cacheCalls.expired.push(tag)
}
export function revalidateTag(tag: string, _profile: unknown) {
  cacheCalls.expired.push(tag)
}
export function revalidatePath(_path: string, _type?: 'layout' | 'page') {}
