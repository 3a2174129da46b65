import { resolve } from 'node:path'

// The only place that reads the environment; everything else gets a Config.
export type Config = {
  databaseUrl?: string
  dataDir: string
  port: number
  host: string
  logLevel: string
  /** Hours a session lives without a new login. */
  sessionHours: number
  /** Cookies get the Secure flag when Otklik is served over HTTPS. */
  secureCookies: boolean
  /** OTKLIK_PROGRESS=1: CLI progress as lines on stderr even when it is not a terminal (logs, scripts). */
  progressLines: boolean
  /**
   * The reverse proxy's addresses (comma-separated, CIDR allowed) whose X-Forwarded-For is believed:
   * login throttling counts per client address, and behind a proxy every client has the proxy's.
   */
  trustProxy?: string
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.OTKLIK_DATA_DIR || './data'),
    port: Number(env.PORT || 3000),
    // Only this machine unless HOST says otherwise (a public HOST refuses the demo passwords, main.ts).
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    sessionHours: Number(env.OTKLIK_SESSION_HOURS || 12),
    secureCookies: env.OTKLIK_SECURE_COOKIES === '1',
    progressLines: env.OTKLIK_PROGRESS === '1',
    trustProxy: env.OTKLIK_TRUST_PROXY || undefined,
  }
}
