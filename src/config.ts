import { join, resolve } from 'node:path'

// The only place that reads the environment; everything else gets a Config.
export type Config = {
  databaseUrl?: string
  dataDir: string
  /** Where uploaded import files wait for their job (OTKLIK_UPLOAD_DIR; `<dataDir>/uploads`). Servers sharing one database share it. */
  uploadDir: string
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
  /** The channels' providers (issue 8): unset means the channel cannot send. */
  channels: ChannelsConfig
  /** Where clients reach Otklik's public pages (the unsubscribe link): the bank's public address. */
  publicUrl: string
}

export type ChannelsConfig = {
  /** SMTP_URL, e.g. smtp://127.0.0.1:2525 or smtps://user:password@relay.bank.example:465. */
  smtpUrl?: string
  smtpFrom: string
  /** The relay's message tracking (GET ?message_id=…): settles a message handed over just before a crash. */
  smtpTrackingUrl?: string
  smtpRatePerSecond: number
  smtpConnections: number
  smsGatewayUrl?: string
  smsGatewayToken: string
  smsSender: string
  smsRatePerSecond: number
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value)
  return value && Number.isFinite(n) && n > 0 ? n : fallback
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.OTKLIK_DATA_DIR || './data'),
    uploadDir: resolve(env.OTKLIK_UPLOAD_DIR || join(env.OTKLIK_DATA_DIR || './data', 'uploads')),
    port: Number(env.PORT || 3000),
    // Only this machine unless HOST says otherwise (a public HOST refuses the demo passwords, main.ts).
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    sessionHours: Number(env.OTKLIK_SESSION_HOURS || 12),
    secureCookies: env.OTKLIK_SECURE_COOKIES === '1',
    progressLines: env.OTKLIK_PROGRESS === '1',
    trustProxy: env.OTKLIK_TRUST_PROXY || undefined,
    channels: {
      smtpUrl: env.SMTP_URL || undefined,
      smtpFrom: env.SMTP_FROM || 'Банк <news@bank.example>',
      smtpTrackingUrl: env.SMTP_TRACKING_URL || undefined,
      smtpRatePerSecond: positive(env.SMTP_RATE, 200),
      smtpConnections: positive(env.SMTP_CONNECTIONS, 4),
      smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
      smsGatewayToken: env.SMS_GATEWAY_TOKEN || '',
      smsSender: env.SMS_SENDER || 'BANK',
      smsRatePerSecond: positive(env.SMS_RATE, 50),
    },
    publicUrl: (env.OTKLIK_PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${Number(env.PORT || 3000)}`).replace(/\/+$/, ''),
  }
}
