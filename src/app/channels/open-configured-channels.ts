import type { Channel } from '../../contract/channels.ts'
import type { ChannelsConfig } from '../../config.ts'
import type { ContactChannel } from './contact-channel.ts'
import { createSmsGatewayChannel } from './sms-gateway-channel.ts'
import { createSmtpChannel } from './smtp-channel.ts'

export type OpenChannels = { channels: Partial<Record<Channel, ContactChannel>>; close(): Promise<void> }

/** The channels whose providers are configured (SMTP_URL, SMS_GATEWAY_URL); the others stay closed. */
export function openConfiguredChannels(config: ChannelsConfig): OpenChannels {
  const channels: Partial<Record<Channel, ContactChannel>> = {}
  if (config.smtpUrl) {
    channels.email = createSmtpChannel({ url: config.smtpUrl, from: config.smtpFrom, trackingUrl: config.smtpTrackingUrl, ratePerSecond: config.smtpRatePerSecond, connections: config.smtpConnections })
  }
  if (config.smsGatewayUrl) {
    channels.sms = createSmsGatewayChannel({ url: config.smsGatewayUrl, token: config.smsGatewayToken, sender: config.smsSender, ratePerSecond: config.smsRatePerSecond })
  }
  return {
    channels,
    async close() {
      await Promise.all(Object.values(channels).map((channel) => channel.close()))
    },
  }
}
