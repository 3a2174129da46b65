export type DemoRegion = {
  /** The subject's code in the Russian Federation (77 Moscow, 78 St Petersburg, …). */
  code: string
  name: string
  utcOffset: number
  /** Share of the bank's clients. */
  weight: number
  /** Income level against the country's median. */
  incomeFactor: number
}

// Eight regions across five time zones, so that quiet hours in the client's own zone matter.
// Weights and income factors are *typical* (DOMAIN.md), not statistics.
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: '77', name: 'Москва', utcOffset: 3, weight: 0.27, incomeFactor: 1.75 },
  { code: '78', name: 'Санкт-Петербург', utcOffset: 3, weight: 0.14, incomeFactor: 1.35 },
  { code: '16', name: 'Республика Татарстан', utcOffset: 3, weight: 0.09, incomeFactor: 1.0 },
  { code: '23', name: 'Краснодарский край', utcOffset: 3, weight: 0.1, incomeFactor: 0.95 },
  { code: '63', name: 'Самарская область', utcOffset: 4, weight: 0.08, incomeFactor: 0.92 },
  { code: '66', name: 'Свердловская область', utcOffset: 5, weight: 0.12, incomeFactor: 1.05 },
  { code: '54', name: 'Новосибирская область', utcOffset: 7, weight: 0.11, incomeFactor: 1.0 },
  { code: '25', name: 'Приморский край', utcOffset: 10, weight: 0.09, incomeFactor: 1.15 },
]
