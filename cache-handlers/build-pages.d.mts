export type BuildSource = { database: string; origin: string }
export function currentSource(env?: Record<string, string | undefined>): BuildSource
export function recordBuildSource(serverDistDir: string, env?: Record<string, string | undefined>): void
export function foreignBuildSource(serverDistDir: string | undefined, env?: Record<string, string | undefined>): { build: BuildSource; server: BuildSource } | null
