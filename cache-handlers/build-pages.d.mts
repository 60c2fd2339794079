export type BuildSource = { database: string; origin: string }
export function currentSource(env?: NodeJS.ProcessEnv): BuildSource
export function recordBuildSource(serverDistDir: string, env?: NodeJS.ProcessEnv): void
export function foreignBuildSource(serverDistDir: string | undefined, env?: NodeJS.ProcessEnv): { build: BuildSource; server: BuildSource } | null
