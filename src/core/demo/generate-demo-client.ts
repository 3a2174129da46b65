import { createRandom } from './create-random.ts'
import { isoDay } from './day-number.ts'
import { demoActivity, type DemoActivity } from './demo-activity.ts'
import { demoClientProfile, type ClientStatus } from './demo-client-profile.ts'
import { demoConsents, type DemoConsent } from './demo-consents.ts'
import { demoHoldings, type DemoHolding } from './demo-holdings.ts'
import { demoNotes, type DemoNote } from './demo-notes.ts'
import { DEMO_PRODUCT_TYPE, type ProductType } from './demo-products.ts'
import { demoSegment, type Segment } from './demo-segment.ts'
import type { DemoWorld } from './demo-world.ts'
import type { Gender } from './russian-full-name.ts'

export type DemoClientRow = {
  id: number
  bankId: string
  fullName: string
  birthDate: string
  gender: Gender
  phone: string | null
  email: string | null
  address: string
  regionCode: string
  branchId: number
  clientSince: string
  monthlyIncome: number | null
  segment: Segment
  vip: boolean
  personalManagerId: number | null
  status: ClientStatus
  statusDate: string | null
  statusReason: string | null
  doNotContact: boolean
}

export type DemoHoldingRow = {
  accountNo: string
  productCode: string
  openedAt: string
  closedAt: string | null
  balance: number
  creditLimit: number | null
}

export type DemoNoteRow = DemoNote & { authorId: number | null }

export type DemoClient = {
  client: DemoClientRow
  holdings: DemoHoldingRow[]
  activity: DemoActivity[]
  consents: DemoConsent[]
  notes: DemoNoteRow[]
}

// Balance-sheet account prefixes (Bank of Russia chart of accounts) for realistic account numbers;
// insurance and remote banking are contracts, not accounts.
const ACCOUNT_PREFIX: Record<ProductType, string> = {
  current_account: '40817', debit_card: '40817', credit_card: '45508', consumer_loan: '45505', car_loan: '45505',
  mortgage: '45507', term_deposit: '42305', savings_account: '42301', investment: '30601', insurance: 'INS', remote_banking: 'RB',
}
const FUNDS: ReadonlySet<ProductType> = new Set(['current_account', 'debit_card', 'term_deposit', 'savings_account', 'investment'])

/**
 * The demo client number `index` (0-based) of a demo bank and all its rows. Each client draws from
 * its own random stream seeded by (bank seed, index): the same seed gives the same client whatever
 * the chunking, and clients can be generated in any order.
 */
export function generateDemoClient(world: DemoWorld, index: number): DemoClient {
  const random = createRandom(world.seed, index)
  const id = world.firstClientId + index
  const profile = demoClientProfile(random, world)
  const holdings = demoHoldings(random, profile, world.today)
  const activity = demoActivity(random, profile, holdings, world.months)
  const consents = demoConsents(random, profile, world.today)
  const segment = demoSegment({ monthlyIncome: profile.monthlyIncome, balances: fundsOf(holdings) })
  const vip = profile.status === 'active' && (segment === 'premium' || segment === 'private')
  const managers = world.personalManagerIds[profile.region.code] ?? []
  const personalManagerId = vip && managers.length > 0 ? random.pick(managers) : null
  const notes = demoNotes(random, profile, holdings, world.today).map((note) => ({ ...note, authorId: personalManagerId ?? world.noteAuthorId }))
  return {
    client: {
      id,
      bankId: `C${String(index + 1).padStart(9, '0')}`,
      fullName: profile.name.fullName,
      birthDate: isoDay(profile.birthDay),
      gender: profile.gender,
      phone: profile.phone,
      email: profile.email,
      address: profile.address,
      regionCode: profile.region.code,
      branchId: profile.branch.id,
      clientSince: isoDay(profile.sinceDay),
      monthlyIncome: profile.monthlyIncome,
      segment,
      vip,
      personalManagerId,
      status: profile.status,
      statusDate: profile.statusDay === null ? null : isoDay(profile.statusDay),
      statusReason: profile.statusReason,
      doNotContact: profile.doNotContact,
    },
    holdings: holdings.map((h, i) => holdingRow(id, i, h)),
    activity,
    consents,
    notes,
  }
}

function holdingRow(clientId: number, i: number, h: DemoHolding): DemoHoldingRow {
  const prefix = ACCOUNT_PREFIX[DEMO_PRODUCT_TYPE[h.productCode]]
  const serial = `${String(clientId).padStart(10, '0')}${String(i + 1).padStart(2, '0')}`
  return {
    // 20 digits: account type, currency 810 (rouble), then the client and the holding.
    accountNo: prefix.length === 5 ? `${prefix}810${serial}` : `${prefix}-${serial}`,
    productCode: h.productCode,
    openedAt: isoDay(h.openedDay),
    closedAt: h.closedDay === null ? null : isoDay(h.closedDay),
    balance: h.balance,
    creditLimit: h.creditLimit,
  }
}

function fundsOf(holdings: readonly DemoHolding[]): number {
  let total = 0
  for (const h of holdings) if (h.closedDay === null && FUNDS.has(DEMO_PRODUCT_TYPE[h.productCode])) total += h.balance
  return total
}
