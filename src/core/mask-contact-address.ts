import type { Channel } from '../contract/channels.ts'
import type { PersonalField } from '../contract/personal-fields.ts'
import type { Role } from '../contract/roles.ts'
import { canSee } from './clearance.ts'
import { maskPersonalValue } from './mask-personal-data.ts'

// A contact's address is the client's personal field of its channel as it was when the message
// left: masked for a role exactly as that field is on the card.
const FIELD_OF_CHANNEL: Record<Channel, PersonalField> = { email: 'email', sms: 'phone', call: 'phone', letter: 'address' }

export function maskContactAddress(role: Role, channel: Channel, address: string | null): string | null {
  if (address === null) return null
  const field = FIELD_OF_CHANNEL[channel]
  return canSee(role, field) ? address : maskPersonalValue(field, address)
}
