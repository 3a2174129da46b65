import type { CreateProgramBody, ProgramStatus } from '../../contract/program-schemas.ts'

/** A program of the demo bank: its plan (dates as days from the demo's today) and the moves that bring it to its status. */
export type DemoProgram = Omit<CreateProgramBody, 'plannedStart' | 'plannedEnd'> & {
  startInDays: number
  endInDays: number
  moves: { to: ProgramStatus; comment: string }[]
}

const SMS = { channel: 'sms', costPerContact: 3.5, contactsPerClient: 1 } as const
const CALL = { channel: 'call', costPerContact: 60, contactsPerClient: 1 } as const
const LETTER = { channel: 'letter', costPerContact: 38, contactsPerClient: 1 } as const

// A registry a newcomer can read: a program waiting for the head, one approved for its pilot, a
// draft still being planned, one without a case yet, one returned and cancelled. The economics
// are *typical* (DOMAIN.md), the products those of the demo catalogue (demo-products.ts).
export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  {
    code: 'CC-SALARY',
    name: 'Кредитная карта держателям зарплатных карт',
    goal: 'cross_sell',
    targetProduct: 'CC_CLASSIC',
    offer: 'Кредитная карта с льготным периодом 120 дней и бесплатным обслуживанием в первый год',
    channels: ['sms', 'call'],
    budget: 2_500_000,
    controlShare: 0.1,
    pilotSize: 8000,
    startInDays: 14,
    endInDays: 104,
    businessCase: {
      audience: 40_000, channelCosts: [SMS, CALL], fixedCosts: 150_000, responseRateTarget: 0.045, responseRateControl: 0.02, conversion: 0.6,
      averageBalance: 45_000, annualTurnover: 240_000, exposureAtDefault: 100_000, annualFee: 990, discountRate: 0.2, horizonYears: 3,
    },
    moves: [
      { to: 'proposed', comment: 'Пилот на 8 000 клиентов, SMS и звонок; окупается в первый год.' },
      { to: 'approved', comment: 'Утверждаю пилот с контрольной группой 10%.' },
    ],
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
]
