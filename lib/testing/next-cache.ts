// Under Vitest there is no Next.js cache: 'use cache' is an inert directive and these are no-ops,
// so catalog functions read straight from the test database.
export function cacheTag(..._tags: string[]) {}
export function cacheLife(_profile: unknown) {}
export function updateTag(_tag: string) {}
export function revalidateTag(_tag: string, _profile: unknown) {}
export function revalidatePath(_path: string, _type?: 'layout' | 'page') {}
