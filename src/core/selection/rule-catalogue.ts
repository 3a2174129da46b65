// The one catalogue of selection fields and operators: the parser validates rules against it, the
// compiler turns them into SQL over the client profile, the evaluator (tests) and the web rule
// builder read it too. A field is either a profile column or a small fact that needs a subquery.
import { CHANNELS } from '../../contract/channels.ts'
import { CLIENT_STATUSES } from '../../contract/client-statuses.ts'
import { PRODUCT_TYPES } from '../../contract/product-types.ts'
import type { FieldDefinition } from '../../contract/rule-field-definition.ts'
import { SEGMENTS } from '../../contract/segments.ts'

export const NUMBER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'is_null', 'not_null'] as const
export const ENUM_OPS = ['eq', 'ne', 'in', 'not_in'] as const
export const BOOLEAN_OPS = ['is_true', 'is_false'] as const
export const HOLDS_OPS = ['holds', 'holds_not'] as const
export const CHANNEL_OPS = ['has', 'has_not'] as const
export const RECENCY_OPS = ['within_days', 'not_within_days'] as const
export const MEMBERSHIP_OPS = ['in', 'not_in'] as const

const money: readonly [number, number] = [0, 1e12]
const months: readonly [number, number] = [0, 1200]
const days: readonly [number, number] = [0, 3650]

export const RULE_FIELDS: readonly FieldDefinition[] = [
  { name: 'age', group: 'client', kind: 'number', ops: NUMBER_OPS, range: [0, 130], label: { ru: 'Возраст', en: 'Age' } },
  { name: 'gender', group: 'client', kind: 'enum', ops: ENUM_OPS, values: ['M', 'F'], label: { ru: 'Пол', en: 'Gender' } },
  { name: 'region', group: 'client', kind: 'code', ops: ENUM_OPS, label: { ru: 'Регион', en: 'Region' } },
  { name: 'branch', group: 'client', kind: 'code', ops: ENUM_OPS, label: { ru: 'Отделение', en: 'Branch' } },
  { name: 'segment', group: 'client', kind: 'enum', ops: ENUM_OPS, values: SEGMENTS, label: { ru: 'Сегмент', en: 'Segment' } },
  { name: 'income', group: 'client', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Доход в месяц, ₽', en: 'Monthly income, ₽' } },
  { name: 'tenure_months', group: 'client', kind: 'number', ops: NUMBER_OPS, range: months, label: { ru: 'Стаж клиента, мес.', en: 'Tenure, months' } },
  { name: 'status', group: 'client', kind: 'enum', ops: ENUM_OPS, values: CLIENT_STATUSES, label: { ru: 'Статус', en: 'Status' } },
  { name: 'vip', group: 'client', kind: 'boolean', ops: BOOLEAN_OPS, label: { ru: 'VIP', en: 'VIP' } },
  { name: 'do_not_contact', group: 'client', kind: 'boolean', ops: BOOLEAN_OPS, label: { ru: 'Не беспокоить', en: 'Do not contact' } },

  { name: 'product', group: 'holdings', kind: 'holds', ops: HOLDS_OPS, label: { ru: 'Продукт', en: 'Product' } },
  { name: 'product_type', group: 'holdings', kind: 'holds', ops: HOLDS_OPS, values: PRODUCT_TYPES, label: { ru: 'Тип продукта', en: 'Product type' } },
  { name: 'product_count', group: 'holdings', kind: 'number', ops: NUMBER_OPS, range: [0, 1000], label: { ru: 'Число продуктов', en: 'Number of products' } },
  { name: 'deposit_balance', group: 'holdings', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Остаток на вкладах и счетах, ₽', en: 'Deposit and savings balance, ₽' } },
  { name: 'loan_balance', group: 'holdings', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Задолженность по кредитам, ₽', en: 'Loan balance, ₽' } },
  { name: 'credit_limit', group: 'holdings', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Кредитный лимит, ₽', en: 'Credit limit, ₽' } },
  { name: 'days_since_product_opened', group: 'holdings', kind: 'number', ops: NUMBER_OPS, range: [0, 36500], label: { ru: 'Дней с открытия последнего продукта', en: 'Days since a product was opened' } },
  { name: 'days_since_product_closed', group: 'holdings', kind: 'number', ops: NUMBER_OPS, range: [0, 36500], label: { ru: 'Дней с закрытия последнего продукта', en: 'Days since a product was closed' } },

  { name: 'turnover_1m', group: 'activity', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Оборот за 1 мес., ₽', en: 'Turnover, last month, ₽' } },
  { name: 'turnover_3m', group: 'activity', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Оборот за 3 мес., ₽', en: 'Turnover, 3 months, ₽' } },
  { name: 'turnover_12m', group: 'activity', kind: 'number', ops: NUMBER_OPS, range: money, label: { ru: 'Оборот за 12 мес., ₽', en: 'Turnover, 12 months, ₽' } },
  { name: 'transactions_1m', group: 'activity', kind: 'number', ops: NUMBER_OPS, range: [0, 1e6], label: { ru: 'Операций за 1 мес.', en: 'Transactions, last month' } },
  { name: 'transactions_3m', group: 'activity', kind: 'number', ops: NUMBER_OPS, range: [0, 1e6], label: { ru: 'Операций за 3 мес.', en: 'Transactions, 3 months' } },
  { name: 'turnover_trend', group: 'activity', kind: 'number', ops: NUMBER_OPS, range: [-1, 1e6], label: { ru: 'Тренд оборота (3 мес. к предыдущим 3)', en: 'Turnover trend (3 months vs previous 3)' } },

  { name: 'consent', group: 'consents', kind: 'channel', ops: CHANNEL_OPS, values: CHANNELS, label: { ru: 'Согласие на канал', en: 'Consent for channel' } },

  { name: 'contacted', group: 'contacts', kind: 'recency', ops: RECENCY_OPS, range: days, qualifiers: ['channel', 'program'], label: { ru: 'Был контакт за N дней', en: 'Contacted in the last N days' } },
  { name: 'responded', group: 'responses', kind: 'recency', ops: RECENCY_OPS, range: days, qualifiers: ['program'], label: { ru: 'Был отклик за N дней', en: 'Responded in the last N days' } },
  { name: 'open_complaint', group: 'complaints', kind: 'boolean', ops: BOOLEAN_OPS, label: { ru: 'Есть открытая жалоба', en: 'Has an open complaint' } },
  { name: 'complained', group: 'complaints', kind: 'recency', ops: RECENCY_OPS, range: days, label: { ru: 'Жалоба за N дней', en: 'Complaint in the last N days' } },

  { name: 'churn_score', group: 'scores', kind: 'number', ops: NUMBER_OPS, range: [0, 1], label: { ru: 'Вероятность ухода', en: 'Churn score' } },
  { name: 'propensity_score', group: 'scores', kind: 'number', ops: NUMBER_OPS, range: [0, 1], label: { ru: 'Склонность к покупке', en: 'Propensity score' } },
  // The newest scored uplift model's (of the program, if named): the change in response probability
  // the contact brings, −1 to 1 (otklik model uplift). "≥ x" aims a wave at the persuadable.
  { name: 'uplift_score', group: 'scores', kind: 'number', ops: NUMBER_OPS, range: [-1, 1], qualifiers: ['program'], label: { ru: 'Uplift-скор (прирост вероятности отклика)', en: 'Uplift score (gain in response probability)' } },

  { name: 'selection', group: 'selections', kind: 'membership', ops: MEMBERSHIP_OPS, label: { ru: 'Входит в выборку', en: 'Member of selection' } },
]

export const FIELD_BY_NAME: ReadonlyMap<string, FieldDefinition> = new Map(RULE_FIELDS.map((f) => [f.name, f]))
