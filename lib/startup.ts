import 'server-only'
import { authSecret, env, isBuildPhase } from './env'

/** Refuse to serve production traffic with a configuration that cannot work safely. */
export function assertProductionConfig() {
  if (env.NODE_ENV === 'production' && !isBuildPhase && !authSecret) {
    console.error('AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it in the environment.')
    process.exit(1)
  }
}
