import type { PersonalField } from './personal-fields.ts'

// The fields an offer's template may use, `{{ client.first_name }}`, `{{ offer.rate | percent }}`:
// a closed list, read by the template checker (core/offer/check-offer-template.ts), the renderer
// and the editor's field palette alike. A name not listed here is an error naming its line.
//
// `kind` says what the value is, so the editor can suggest its filter: money in roubles (a number),
// a rate as a fraction (0.125 = 12,5 %), a date as YYYY-MM-DD, text. `personal` names the client
// field of the API whose clearance (core/clearance.ts) the preview masks it by.

export type OfferTemplateFieldKind = 'text' | 'money' | 'rate' | 'date' | 'number'

export type OfferTemplateField = {
  kind: OfferTemplateFieldKind
  personal?: PersonalField
}

export const CLIENT_TEMPLATE_FIELDS = {
  /** «Фамилия Имя Отчество» as the client base holds it. */
  full_name: { kind: 'text' },
  /** The parts of the full name, read in the Russian order Фамилия Имя Отчество; null when absent. */
  last_name: { kind: 'text' },
  first_name: { kind: 'text' },
  patronymic: { kind: 'text' },
  /** «Уважаемый» / «Уважаемая» by the client's gender; «Здравствуйте,» when unknown. */
  salutation: { kind: 'text' },
  gender: { kind: 'text' },
  segment: { kind: 'text' },
  branch_name: { kind: 'text' },
  phone: { kind: 'text', personal: 'phone' },
  email: { kind: 'text', personal: 'email' },
  address: { kind: 'text', personal: 'address' },
  birth_date: { kind: 'date', personal: 'birthDate' },
  client_since: { kind: 'date' },
} as const satisfies Record<string, OfferTemplateField>

export const OFFER_TEMPLATE_FIELDS = {
  code: { kind: 'text' },
  name: { kind: 'text' },
  product_name: { kind: 'text' },
  terms: { kind: 'text' },
  /** A fraction: 0.125 is 12,5 % (`| percent`). */
  rate: { kind: 'rate' },
  term_months: { kind: 'number' },
  /** Roubles (`| money`). */
  amount: { kind: 'money' },
  valid_from: { kind: 'date' },
  valid_until: { kind: 'date' },
  /**
   * The offer's page. In a wave's e-mail and SMS it is the client's own signed tracked link
   * (`<OTKLIK_PUBLIC_URL>/r/<token>`, which counts the click and opens the page); in the preview, a
   * letter and the call script it is the page's own address. An e-mail whose template leaves it out
   * still gets it, on a line of its own above the unsubscribe link; an SMS only where the template puts it.
   */
  link: { kind: 'text' },
} as const satisfies Record<string, OfferTemplateField>

export const TEMPLATE_FIELDS = { client: CLIENT_TEMPLATE_FIELDS, offer: OFFER_TEMPLATE_FIELDS } as const
export type TemplateObject = keyof typeof TEMPLATE_FIELDS
export type ClientTemplateField = keyof typeof CLIENT_TEMPLATE_FIELDS
export type OfferTemplateFieldName = keyof typeof OFFER_TEMPLATE_FIELDS

export type TemplateValue = string | number | null
/** What a template is rendered over: every listed field present, null when the bank has no value. */
export type TemplateData = {
  client: Record<ClientTemplateField, TemplateValue>
  offer: Record<OfferTemplateFieldName, TemplateValue>
}

/** The filters Otklik adds to LiquidJS's standard ones (core/offer/render-offer-template.ts). */
export const TEMPLATE_FILTERS = ['money', 'percent', 'date', 'address_name'] as const

/** `true` when `object.field` is in the closed list. */
export function isTemplateField(object: string, field: string): boolean {
  return Object.hasOwn(TEMPLATE_FIELDS, object) && Object.hasOwn(TEMPLATE_FIELDS[object as TemplateObject], field)
}
