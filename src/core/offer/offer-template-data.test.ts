import { describe, expect, it } from 'vitest'
import { offerTemplateData, type ClientForTemplate, type OfferForTemplate } from './offer-template-data.ts'

const client: ClientForTemplate = {
  fullName: 'Петрова Анна Ивановна', gender: 'F', segment: 'premium', branchName: 'ЦБУ «Уралмаш»',
  phone: '79031112233', email: 'petrova@yandex.ru', address: 'Екатеринбург', birthDate: '1975-01-02', clientSince: '2010-03-04',
}
const offer: OfferForTemplate = { code: 'X', name: 'Вклад', productName: null, terms: null, rate: 0.1, termMonths: null, amount: null, validFrom: null, validUntil: '2027-01-31', link: null }

describe('offerTemplateData', () => {
  it('splits the name and greets by gender', () => {
    const { data } = offerTemplateData({ client, offer, viewer: 'head', language: 'ru' })
    expect(data.client).toMatchObject({ last_name: 'Петрова', first_name: 'Анна', patronymic: 'Ивановна', salutation: 'Уважаемая', phone: '79031112233' })
    expect(offerTemplateData({ client: { ...client, gender: null }, offer, viewer: 'head', language: 'ru' }).data.client.salutation).toBe('Здравствуйте,')
  })

  // core/clearance.ts: the marketer sees no personal field, the operator the phone and birth date.
  it.each([
    ['marketer', ['phone', 'email', 'address', 'birthDate'], { phone: '7******33', email: 'p***@***', address: '***', birth_date: '****-**-**' }],
    ['operator', ['email', 'address'], { phone: '79031112233', email: 'p***@***', birth_date: '1975-01-02' }],
    ['head', [], { email: 'petrova@yandex.ru' }],
  ] as const)('masks for the %s what the role may not see', (viewer, masked, values) => {
    const result = offerTemplateData({ client, offer, viewer, language: 'ru' })
    expect(result.masked).toEqual(masked)
    expect(result.data.client).toMatchObject(values)
  })

  it('masks nothing when rendering for sending (no viewer)', () => {
    expect(offerTemplateData({ client, offer, viewer: null, language: 'ru' }).masked).toEqual([])
  })
})
