import type { Channel } from '../../contract/channels.ts'
import type { CreateProgramBody, ProgramStatus } from '../../contract/program-schemas.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import type { Rule } from '../../contract/rule.ts'

/** A program of the demo bank: its plan (dates as days from the demo's today) and the moves that bring it to its status. */
export type DemoProgram = Omit<CreateProgramBody, 'plannedStart' | 'plannedEnd'> & {
  startInDays: number
  endInDays: number
  moves: { to: ProgramStatus; comment: string }[]
  /** A finished pilot: its wave built `daysAgo` before today, its responses, and the moves after it. */
  pilot?: DemoPilot
}

/**
 * The responses of a demo pilot, per type: the share of each group that responded (the first of a
 * group in the order of a hash of the program's seed, so the demo is the same for the same seed;
 * each type's responders are among the previous type's). A `balance` response carries the money
 * placed: a share of the member's turnover in the month before the wave plus a spread.
 */
export type DemoPilotResponse = { type: ResponseType; target: number; control: number; fromDay: number; toDay: number }

export type DemoPilot = {
  daysAgo: number
  rule: Rule
  channel: Channel
  responses: readonly DemoPilotResponse[]
  /** The balance placed: share of the turnover before the wave + a base + up to `spread` roubles. */
  balance: { turnoverShare: number; base: number; spread: number }
  /** Each move by the economist where the economist may make it, unless it names the head. */
  moves: { to: ProgramStatus; comment: string; by?: 'head' }[]
}

const EMAIL = { channel: 'email', costPerContact: 0.1, contactsPerClient: 1 } as const
const SMS = { channel: 'sms', costPerContact: 3.5, contactsPerClient: 1 } as const
const CALL = { channel: 'call', costPerContact: 60, contactsPerClient: 1 } as const
const LETTER = { channel: 'letter', costPerContact: 38, contactsPerClient: 1 } as const

// A registry a newcomer can read: a program waiting for the head, one whose e-mail pilot is out, a
// draft still being planned, one without a case yet, one returned and cancelled, and one whose
// pilot has run its window: applications up clearly, accounts opened not yet, the head evaluating. The economics
// are *typical* (DOMAIN.md), the products those of the demo catalogue (demo-products.ts).
export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  {
    code: 'CC-SALARY',
    name: 'Кредитная карта держателям зарплатных карт',
    goal: 'cross_sell',
    targetProduct: 'CC_CLASSIC',
    offer: 'Кредитная карта с льготным периодом 120 дней и бесплатным обслуживанием в первый год',
    channels: ['email', 'sms', 'call'],
    budget: 2_500_000,
    controlShare: 0.1,
    pilotSize: 3000,
    startInDays: 14,
    endInDays: 104,
    businessCase: {
      audience: 40_000, channelCosts: [EMAIL, SMS, CALL], fixedCosts: 150_000, responseRateTarget: 0.045, responseRateControl: 0.02, conversion: 0.6,
      averageBalance: 45_000, annualTurnover: 240_000, exposureAtDefault: 100_000, annualFee: 990, discountRate: 0.2, horizonYears: 3,
    },
    moves: [
      { to: 'proposed', comment: 'Пилот на 3 000 клиентов по e-mail, затем SMS и звонок; окупается в первый год.' },
      { to: 'approved', comment: 'Утверждаю пилот с контрольной группой 10%.' },
    ],
    // An e-mail pilot three days out, its window open: the contacts sent through the engine
    // (send-demo-email-pilot.ts), the first applications coming in.
    pilot: {
      daysAgo: 3,
      rule: { all: [{ field: 'product', op: 'holds', value: 'DC_SALARY' }, { field: 'product', op: 'holds_not', value: 'CC_CLASSIC' }] },
      channel: 'email',
      responses: [{ type: 'application', target: 0.02, control: 0.008, fromDay: 0, toDay: 3 }],
      balance: { turnoverShare: 0, base: 0, spread: 0 },
      moves: [{ to: 'pilot', comment: 'Пилотная волна по e-mail собрана и отправлена; окно атрибуции открыто.' }],
    },
  },
  {
    code: 'TD-MATURING',
    name: 'Удержание вкладчиков перед окончанием вклада',
    goal: 'retention',
    targetProduct: 'TD_12M',
    offer: 'Пролонгация вклада с надбавкой 0,5% к ставке',
    channels: ['call'],
    budget: 600_000,
    controlShare: 0.15,
    pilotSize: 3000,
    startInDays: 7,
    endInDays: 67,
    businessCase: {
      audience: 6_000, channelCosts: [CALL], fixedCosts: 50_000, responseRateTarget: 0.35, responseRateControl: 0.22, conversion: 0.8,
      averageBalance: 600_000, discountRate: 0.2, horizonYears: 2,
    },
    moves: [{ to: 'proposed', comment: 'Звонок за 10 дней до окончания вклада; прошу утвердить.' }],
  },
  {
    code: 'CL-PREAPPROVED',
    name: 'Кредит наличными: предодобренные предложения',
    goal: 'cross_sell',
    targetProduct: 'CL_CASH',
    offer: 'Предодобренный кредит до 500 000 ₽ по ставке от 24%',
    channels: ['sms'],
    budget: 300_000,
    controlShare: 0.1,
    pilotSize: null,
    startInDays: 30,
    endInDays: 90,
    businessCase: {
      audience: 25_000, channelCosts: [SMS], fixedCosts: 80_000, responseRateTarget: 0.03, responseRateControl: 0.018, conversion: 0.5,
      averageBalance: 150_000, discountRate: 0.2, horizonYears: 3,
    },
    moves: [],
  },
  {
    code: 'WB-CLOSED',
    name: 'Возврат клиентов, закрывших последний продукт',
    goal: 'win_back',
    targetProduct: 'DC_STD',
    offer: null,
    channels: ['email', 'letter'],
    budget: null,
    controlShare: 0.1,
    pilotSize: null,
    startInDays: 60,
    endInDays: 150,
    businessCase: { channelCosts: [LETTER] },
    moves: [],
  },
  {
    code: 'INS-MORTGAGE',
    name: 'Страхование жизни ипотечным клиентам',
    goal: 'cross_sell',
    targetProduct: 'INS_LIFE',
    offer: 'Скидка 10% на страхование жизни при продлении',
    channels: ['letter'],
    budget: 200_000,
    controlShare: 0.1,
    pilotSize: 2000,
    startInDays: -30,
    endInDays: 30,
    businessCase: {
      audience: 4_000, channelCosts: [LETTER], fixedCosts: 40_000, responseRateTarget: 0.05, responseRateControl: 0.04, conversion: 0.7,
      annualTurnover: 12_000, discountRate: 0.2, horizonYears: 1,
    },
    moves: [
      { to: 'proposed', comment: 'Письмо ипотечным клиентам при продлении полиса.' },
      { to: 'draft', comment: 'Клиенты и так продлевают полис у нас: пересчитайте отклик контрольной группы.' },
      { to: 'cancelled', comment: 'Закрываем: аплифт не окупает письма.' },
    ],
  },
  {
    code: 'SAV-ONLINE',
    name: 'Накопительный счёт клиентам с оборотами по карте',
    goal: 'cross_sell',
    targetProduct: 'SAV',
    offer: 'Накопительный счёт с надбавкой 1% к ставке на три месяца, открытие в мобильном банке',
    channels: ['sms'],
    budget: 400_000,
    controlShare: 0.1,
    pilotSize: 5000,
    startInDays: -50,
    endInDays: 40,
    businessCase: {
      audience: 30_000, channelCosts: [SMS], fixedCosts: 60_000, responseRateTarget: 0.04, responseRateControl: 0.025, conversion: 0.4,
      averageBalance: 250_000, discountRate: 0.2, horizonYears: 3,
    },
    moves: [
      { to: 'proposed', comment: 'SMS клиентам с оборотом от 30 000 ₽ в месяц без накопительного счёта; пилот на 10% контроля.' },
      { to: 'approved', comment: 'Утверждаю пилот: окно атрибуции 30 дней.' },
    ],
    pilot: {
      daysAgo: 45,
      rule: { all: [{ field: 'product', op: 'holds_not', value: 'SAV' }, { field: 'turnover_3m', op: 'gte', value: 90_000 }] },
      channel: 'sms',
      // SMS rates (DOMAIN.md: a few per cent): applications 4.5% against 2.0%; accounts opened 1.6% against 1.4%.
      responses: [
        { type: 'application', target: 0.045, control: 0.02, fromDay: 0, toDay: 20 },
        { type: 'conversion', target: 0.016, control: 0.014, fromDay: 3, toDay: 28 },
        { type: 'balance', target: 0.016, control: 0.014, fromDay: 3, toDay: 28 },
      ],
      balance: { turnoverShare: 0.3, base: 20_000, spread: 60_000 },
      moves: [
        { to: 'pilot', comment: 'Пилотная волна собрана и отправлена.' },
        { to: 'evaluated', by: 'head', comment: 'Окно атрибуции закрыто: заявок больше, чем в контроле, открытых счетов — пока нет. Решение о тиражировании — после разбора.' },
      ],
    },
  },
]
