import type { Language } from '../../contract/language.ts'
import { CLIENT_TEMPLATE_FIELDS, type ClientTemplateField, type TemplateData, type TemplateValue } from '../../contract/offer-template-fields.ts'
import type { PersonalField } from '../../contract/personal-fields.ts'
import type { Role } from '../../contract/roles.ts'
import { canSee } from '../clearance.ts'
import { maskPersonalValue } from '../mask-personal-data.ts'
import { splitFullName } from './split-full-name.ts'

export type ClientForTemplate = {
  fullName: string
  gender: 'M' | 'F' | null
  segment: string
  branchName: string | null
  phone: string | null
  email: string | null
  address: string | null
  birthDate: string | null
  clientSince: string | null
}

export type OfferForTemplate = {
  code: string
  name: string
  productName: string | null
  terms: string | null
  rate: number | null
  termMonths: number | null
  amount: number | null
  validFrom: string | null
  validUntil: string | null
  /** The offer's page, or the client's tracked link to it when rendering a wave's message. */
  link: string | null
}

export type OfferTemplateDataInput = {
  client: ClientForTemplate
  offer: OfferForTemplate
  /** Who looks: the preview masks what this role may not see (core/clearance.ts); null renders for sending. */
  viewer: Role | null
  language: Language
}

const SALUTATION: Record<Language, Record<'M' | 'F' | 'unknown', string>> = {
  ru: { M: 'Уважаемый', F: 'Уважаемая', unknown: 'Здравствуйте,' },
  en: { M: 'Dear', F: 'Dear', unknown: 'Dear' },
}

/** The fields a template reads, from a client and an offer, with the viewer's personal fields masked. */
export function offerTemplateData({ client, offer, viewer, language }: OfferTemplateDataInput): { data: TemplateData; masked: PersonalField[] } {
  const parts = splitFullName(client.fullName)
  const values: Record<ClientTemplateField, TemplateValue> = {
    full_name: client.fullName,
    last_name: parts.lastName,
    first_name: parts.firstName,
    patronymic: parts.patronymic,
    salutation: SALUTATION[language][client.gender ?? 'unknown'],
    gender: client.gender,
    segment: client.segment,
    branch_name: client.branchName,
    phone: client.phone,
    email: client.email,
    address: client.address,
    birth_date: client.birthDate,
    client_since: client.clientSince,
  }
  const masked: PersonalField[] = []
  for (const [name, field] of Object.entries(CLIENT_TEMPLATE_FIELDS) as [ClientTemplateField, { personal?: PersonalField }][]) {
    const value = values[name]
    if (!field.personal || value == null || viewer === null || canSee(viewer, field.personal)) continue
    values[name] = maskPersonalValue(field.personal, String(value))
    masked.push(field.personal)
  }
  return {
    data: {
      client: values,
      offer: {
        code: offer.code,
        name: offer.name,
        product_name: offer.productName,
        terms: offer.terms,
        rate: offer.rate,
        term_months: offer.termMonths,
        amount: offer.amount,
        valid_from: offer.validFrom,
        valid_until: offer.validUntil,
        link: offer.link,
      },
    },
    masked,
  }
}
