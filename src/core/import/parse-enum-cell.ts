import type { CallDirection, CallLogOutcome } from '../../contract/call-log.ts'
import type { ResponseType } from '../../contract/response-types.ts'

// The closed lists of the client base, with the words exports use for them.
const ENUM_WORDS = {
  gender: {
    M: ['m', 'male', 'man', 'м', 'муж', 'мужской', 'мужчина'],
    F: ['f', 'female', 'woman', 'w', 'ж', 'жен', 'женский', 'женщина'],
  },
  segment: {
    mass: ['mass', 'масс', 'массовый', 'масс-сегмент'],
    mass_affluent: ['mass_affluent', 'mass affluent', 'mass-affluent', 'масс-аффлюент', 'массовый состоятельный'],
    premium: ['premium', 'vip', 'премиум', 'премиальный'],
    private: ['private', 'private banking', 'прайвет', 'частный'],
  },
  client_status: {
    active: ['active', 'активный', 'действующий'],
    churned: ['churned', 'closed', 'left', 'ушел', 'отток', 'закрыт', 'бывший'],
    deceased: ['deceased', 'died', 'умер', 'умерший', 'скончался'],
  },
  channel: {
    email: ['email', 'e-mail', 'mail', 'электронная почта', 'почта', 'эл. почта'],
    sms: ['sms', 'смс', 'text'],
    call: ['call', 'phone', 'звонок', 'телефон', 'обзвон'],
    letter: ['letter', 'post', 'письмо', 'почтовое письмо'],
  },
  // contract/response-types.ts
  response_type: {
    reply: ['reply', 'response', 'click', 'ответ', 'отклик', 'клик', 'переход'],
    visit: ['visit', 'визит', 'посещение'],
    application: ['application', 'apply', 'заявка'],
    conversion: ['conversion', 'product opened', 'opened', 'sale', 'конверсия', 'продукт открыт', 'открытие продукта', 'продажа'],
    spend: ['spend', 'spending', 'card spend', 'траты', 'расходы', 'покупки'],
    balance: ['balance', 'остаток', 'баланс'],
  },
  // contract/call-log.ts
  call_outcome: {
    resolved: ['resolved', 'solved', 'answered', 'решен', 'решено', 'вопрос решен', 'консультация оказана'],
    escalated: ['escalated', 'transferred', 'передан', 'передано', 'эскалация', 'переведен на специалиста'],
    callback: ['callback', 'call back', 'перезвон', 'перезвонить', 'обратный звонок'],
    complaint: ['complaint', 'жалоба', 'претензия', 'обращение зарегистрировано'],
    dropped: ['dropped', 'abandoned', 'hung up', 'сорвался', 'сброшен', 'прерван', 'потерян'],
  },
  call_direction: {
    inbound: ['inbound', 'in', 'incoming', 'входящий', 'вх', 'вход'],
    outbound: ['outbound', 'out', 'outgoing', 'исходящий', 'исх', 'исход'],
  },
} as const satisfies {
  response_type: Record<ResponseType, readonly string[]>
  call_outcome: Record<CallLogOutcome, readonly string[]>
  call_direction: Record<CallDirection, readonly string[]>
} & Record<string, Record<string, readonly string[]>>

export type EnumCellType = keyof typeof ENUM_WORDS

export const ENUM_RULES: Record<EnumCellType, string> = {
  gender: 'expected M or F (м/ж)',
  segment: 'expected mass, mass_affluent, premium or private',
  client_status: 'expected active, churned or deceased',
  channel: 'expected email, sms, call or letter',
  response_type: 'expected reply, visit, application, conversion, spend or balance',
  call_outcome: 'expected resolved, escalated, callback, complaint or dropped',
  call_direction: 'expected inbound or outbound',
}

const LOOKUP = new Map<string, Map<string, string>>(
  Object.entries(ENUM_WORDS).map(([type, values]) => [
    type,
    new Map(
      Object.entries(values as Record<string, readonly string[]>).flatMap(([value, words]) =>
        [value, ...words].map((word) => [word, value] as const),
      ),
    ),
  ]),
)

/** The canonical value of the list ('F', 'mass_affluent', 'sms'), or undefined. */
export function parseEnumCell(type: EnumCellType, text: string): string | undefined {
  const words = LOOKUP.get(type)!
  // Most cells already hold the canonical value: no copies of the text for them.
  return words.get(text) ?? words.get(text.trim().toLowerCase().replaceAll('ё', 'е'))
}
