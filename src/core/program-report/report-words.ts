import type { Channel } from '../../contract/channels.ts'
import type { Language } from '../../contract/language.ts'
import type { ProgramGoal, ProgramStatus } from '../../contract/program-schemas.ts'
import { PROGRAM_WORDS } from '../../contract/program-words.ts'
import { RESPONSE_TYPE_LABELS, type ResponseType } from '../../contract/response-types.ts'
import type { VerdictRecommendation } from '../../contract/verdict-recommendations.ts'
import type { TornadoDriver } from '../program/build-tornado.ts'

// The words of the program report (XLSX and PDF), the same as the web's (web/src/i18n/*.json,
// programs.*) where the web has them, so a reader sees one vocabulary on screen and on paper;
// statuses and goals are the CLI's (contract/program-words.ts), held equal to the web's by its test.
const RU = {
  title: 'Отчёт по программе',
  generated: 'Сформирован (UTC)',
  sheets: { summary: 'Сводка', case: 'Бизнес-кейс', actuals: 'Факт', verdict: 'Вердикт', decisions: 'Решения', rollout: 'План раскатки' },
  field: 'Показатель',
  value: 'Значение',
  program: {
    code: 'Код', name: 'Название', goal: 'Цель', status: 'Статус', product: 'Целевой продукт', offer: 'Предложение', channels: 'Каналы',
    owner: 'Ответственный', dates: 'Плановые даты', budget: 'Бюджет', controlShare: 'Доля контрольной группы', pilotSize: 'Размер пилота',
  },
  caseInputs: 'Допущения бизнес-кейса',
  inputs: {
    audience: 'Аудитория, клиентов', controlShare: 'Доля контрольной группы', responseRateTarget: 'Отклик в целевой группе', responseRateControl: 'Отклик в контрольной группе',
    conversion: 'Конверсия отклика в продукт', netPerYear: 'Чистая маржа продукта в год', lifetimeYears: 'Срок жизни продукта, лет', discountRate: 'Ставка дисконтирования',
    horizonYears: 'Горизонт, лет', fixedCosts: 'Постоянные затраты',
  },
  channelCosts: { channel: 'Канал', costPerContact: 'Стоимость контакта', contactsPerClient: 'Контактов на клиента', cost: 'Затраты на контакты' },
  outputs: {
    title: 'Результаты бизнес-кейса', contacted: 'Контакт с клиентами', uplift: 'Аплифт (плановый)', incrementalResponders: 'Доп. откликнувшиеся', incrementalProducts: 'Доп. продукты',
    contactCost: 'Затраты на контакты', totalCost: 'Затраты всего', npv: 'Инкрементальный NPV', profit: 'Прибыль (без дисконтирования)', roi: 'ROI (NPV на рубль затрат)',
    valuePerProduct: 'Ценность одного продукта (дисконтированная)', breakEvenUplift: 'Безубыточный аплифт', paybackYears: 'Окупаемость, лет', never: 'не окупается',
  },
  flows: { title: 'Денежные потоки', year: 'Год', share: 'Доля года', flow: 'Поток', factor: 'Коэффициент дисконтирования', discounted: 'Дисконтированный', total: 'Итого' },
  tornado: { title: 'Что двигает NPV (каждый фактор ±20%)', driver: 'Фактор', low: 'NPV при 80%', high: 'NPV при 120%', swing: 'Размах', legend: 'Полоса — NPV при факторе 80% и 120%: синяя — NPV растёт вместе с фактором, розовая — падает; линия — NPV кейса.' },
  planActual: { title: 'План и факт пилота', measure: 'Показатель', plan: 'План', actual: 'Факт', difference: 'Разница (факт − план)', rateTarget: 'Отклик в целевой', rateControl: 'Отклик в контрольной', uplift: 'Аплифт', responders: 'Доп. откликнувшиеся', profit: 'Доп. прибыль пилота' },
  waves: { title: 'Волны', id: 'Волна', kind: 'Вид', channel: 'Канал', builtAt: 'Построена', target: 'Целевая группа', control: 'Контрольная группа', contacts: 'Контакты', total: 'Итого', pilot: 'пилот', rollout: 'тиражирование', none: 'Волн пока нет.' },
  responses: { title: 'Отклики по типам', wave: 'Волна', type: 'Тип отклика', members: 'Участники', responders: 'Откликнулись', rate: 'Отклик', targetMembers: 'Целевая: участники', targetResponders: 'Целевая: откликнулись', targetRate: 'Целевая: отклик', controlMembers: 'Контрольная: участники', controlResponders: 'Контрольная: откликнулись', controlRate: 'Контрольная: отклик', none: 'Откликов пока нет.' },
  leadSales: { title: 'Продажи по лидам', leads: 'Лидов', won: 'Закрыто продажей', value: 'Сумма продаж' },
  verdict: {
    title: 'Вердикт пилота', wave: 'Пилотная волна', window: 'Окно атрибуции', windowOpen: 'окно ещё открыто', srm: 'Проверка долей групп (χ²), p', srmBlocked: 'несоответствие долей: вердикт заблокирован', srmExplained: 'несоответствие объяснено',
    waveCost: 'Стоимость контактов волны', type: 'Тип отклика', targetRate: 'Отклик в целевой', controlRate: 'Отклик в контрольной', uplift: 'Аплифт', ciLow: 'Интервал 95%: от', ciHigh: 'до', p: 'p', test: 'Тест', pAdjusted: 'p с поправкой Холма',
    profit: 'Доп. прибыль', profitLow: 'Доп. прибыль: от', profitHigh: 'до', recommendation: 'Рекомендация', reason: 'Обоснование', breakEven: 'Безубыточный аплифт', chart: 'Аплифт по типам откликов с интервалом 95%', z: 'z-тест', fisher: 'точный тест Фишера',
  },
  decisions: { title: 'Решения', at: 'Когда (UTC)', author: 'Автор', move: 'Переход', comment: 'Комментарий', none: 'Решений пока нет.' },
  rollout: {
    saved: 'Сохранён', none: 'План раскатки ещё не сохранён.', number: 'Волна', start: 'Начало', end: 'Конец', workingDays: 'Рабочих дней', clients: 'Клиентов', calls: 'Звонков', cost: 'Затраты', total: 'Итого',
    planned: 'Запланировано клиентов', uncontacted: 'Остаются без контакта', limitedBy: 'Ограничение', figures: 'Бизнес-кейс: план раскатки и полный охват', measure: 'Показатель', plan: 'По плану', full: 'Полный охват', difference: 'Разница (план − полный)',
    cuts: { capacity: 'мощность колл-центра', budget: 'бюджет', end_date: 'дата окончания', horizon: 'горизонт' },
  },
  missing: 'Нет данных',
  noRole: 'Вердикт доступен руководителю, экономистам программ и аналитику.',
  charts: { flows: 'Дисконтированные денежные потоки и NPV', npv: 'NPV' },
  statuses: PROGRAM_WORDS.ru.statuses,
  goals: PROGRAM_WORDS.ru.goals,
  channels: { email: 'E-mail', sms: 'SMS', call: 'Звонок', letter: 'Письмо' },
  drivers: {
    audience: 'Аудитория', responseRateTarget: 'Отклик в целевой', responseRateControl: 'Отклик в контрольной', conversion: 'Конверсия', costPerContact: 'Стоимость контакта', fixedCosts: 'Постоянные затраты',
    margin: 'Маржа и комиссии', expectedCreditLoss: 'Ожидаемые кредитные потери', lifetime: 'Срок жизни продукта', discountRate: 'Ставка дисконтирования',
  },
  recommendations: { rollout: 'Тиражировать', extend: 'Продлить пилот', stop: 'Остановить', blocked: 'Заблокировано' },
}

export type ReportWords = Omit<typeof RU, 'statuses' | 'goals'> & {
  statuses: Record<ProgramStatus, string>
  goals: Record<ProgramGoal, string>
  channels: Record<Channel, string>
  drivers: Record<TornadoDriver, string>
  recommendations: Record<VerdictRecommendation, string>
}

const EN: ReportWords = {
  title: 'Program report',
  generated: 'Generated (UTC)',
  sheets: { summary: 'Summary', case: 'Business case', actuals: 'Actuals', verdict: 'Verdict', decisions: 'Decisions', rollout: 'Rollout plan' },
  field: 'Item',
  value: 'Value',
  program: {
    code: 'Code', name: 'Name', goal: 'Goal', status: 'Status', product: 'Target product', offer: 'Offer', channels: 'Channels',
    owner: 'Owner', dates: 'Planned dates', budget: 'Budget', controlShare: 'Control share', pilotSize: 'Pilot size',
  },
  caseInputs: 'Business case assumptions',
  inputs: {
    audience: 'Audience, clients', controlShare: 'Control share', responseRateTarget: 'Response rate in target', responseRateControl: 'Response rate in control',
    conversion: 'Conversion of responders to the product', netPerYear: 'Product net margin a year', lifetimeYears: 'Product lifetime, years', discountRate: 'Discount rate',
    horizonYears: 'Horizon, years', fixedCosts: 'Fixed costs',
  },
  channelCosts: { channel: 'Channel', costPerContact: 'Cost per contact', contactsPerClient: 'Contacts per client', cost: 'Contact cost' },
  outputs: {
    title: 'Business case results', contacted: 'Clients contacted', uplift: 'Uplift (planned)', incrementalResponders: 'Incremental responders', incrementalProducts: 'Incremental products',
    contactCost: 'Contact cost', totalCost: 'Total cost', npv: 'Incremental NPV', profit: 'Profit (undiscounted)', roi: 'ROI (NPV per rouble spent)',
    valuePerProduct: 'Value of one product (discounted)', breakEvenUplift: 'Break-even uplift', paybackYears: 'Payback, years', never: 'never',
  },
  flows: { title: 'Cash flows', year: 'Year', share: 'Share of year', flow: 'Flow', factor: 'Discount factor', discounted: 'Discounted', total: 'Total' },
  tornado: { title: 'What moves the NPV (each driver ±20%)', driver: 'Driver', low: 'NPV at 80%', high: 'NPV at 120%', swing: 'Swing', legend: 'Each bar spans the NPV at 80% and 120% of the driver: blue, the NPV rises with it; pink, it falls; the line is the case’s NPV.' },
  planActual: { title: 'The pilot: plan against actual', measure: 'Measure', plan: 'Plan', actual: 'Actual', difference: 'Difference (actual − plan)', rateTarget: 'Response in target', rateControl: 'Response in control', uplift: 'Uplift', responders: 'Incremental responders', profit: 'Incremental profit of the pilot' },
  waves: { title: 'Waves', id: 'Wave', kind: 'Kind', channel: 'Channel', builtAt: 'Built', target: 'Target', control: 'Control', contacts: 'Contacts', total: 'Total', pilot: 'pilot', rollout: 'rollout', none: 'No waves yet.' },
  responses: { title: 'Responses by type', wave: 'Wave', type: 'Response type', members: 'Members', responders: 'Responders', rate: 'Rate', targetMembers: 'Target: members', targetResponders: 'Target: responders', targetRate: 'Target: rate', controlMembers: 'Control: members', controlResponders: 'Control: responders', controlRate: 'Control: rate', none: 'No responses yet.' },
  leadSales: { title: 'Sales from leads', leads: 'Leads', won: 'Closed with a sale', value: 'Value of the sales' },
  verdict: {
    title: 'Pilot verdict', wave: 'Pilot wave', window: 'Attribution window', windowOpen: 'window still open', srm: 'Sample-ratio check (χ²), p', srmBlocked: 'sample-ratio mismatch: verdict blocked', srmExplained: 'mismatch explained',
    waveCost: 'Cost of the wave\'s contacts', type: 'Response type', targetRate: 'Rate in target', controlRate: 'Rate in control', uplift: 'Uplift', ciLow: '95% interval: from', ciHigh: 'to', p: 'p', test: 'Test', pAdjusted: 'Holm-adjusted p',
    profit: 'Incremental profit', profitLow: 'Incremental profit: from', profitHigh: 'to', recommendation: 'Recommendation', reason: 'Why', breakEven: 'Break-even uplift', chart: 'Uplift per response type with its 95% interval', z: 'z-test', fisher: 'Fisher\'s exact test',
  },
  decisions: { title: 'Decisions', at: 'When (UTC)', author: 'Author', move: 'Move', comment: 'Comment', none: 'No decisions yet.' },
  rollout: {
    saved: 'Saved', none: 'No rollout plan saved yet.', number: 'Wave', start: 'Start', end: 'End', workingDays: 'Working days', clients: 'Clients', calls: 'Calls', cost: 'Cost', total: 'Total',
    planned: 'Clients planned', uncontacted: 'Left uncontacted', limitedBy: 'Limited by', figures: 'Business case: the rollout plan against full reach', measure: 'Measure', plan: 'Planned', full: 'Full reach', difference: 'Difference (planned − full)',
    cuts: { capacity: 'call-centre capacity', budget: 'budget', end_date: 'end date', horizon: 'horizon' },
  },
  missing: 'Not available',
  noRole: 'The verdict is for the head, the program economists and the analyst.',
  charts: { flows: 'Discounted cash flows and NPV', npv: 'NPV' },
  statuses: PROGRAM_WORDS.en.statuses,
  goals: PROGRAM_WORDS.en.goals,
  channels: { email: 'E-mail', sms: 'SMS', call: 'Call', letter: 'Letter' },
  drivers: {
    audience: 'Audience', responseRateTarget: 'Response in target', responseRateControl: 'Response in control', conversion: 'Conversion', costPerContact: 'Cost per contact', fixedCosts: 'Fixed costs',
    margin: 'Margin and fees', expectedCreditLoss: 'Expected credit loss', lifetime: 'Product lifetime', discountRate: 'Discount rate',
  },
  recommendations: { rollout: 'Roll out', extend: 'Extend the pilot', stop: 'Stop', blocked: 'Blocked' },
}

export function reportWords(lang: Language): ReportWords {
  return lang === 'ru' ? (RU as ReportWords) : EN
}

export function responseTypeWord(type: ResponseType, lang: Language): string {
  return RESPONSE_TYPE_LABELS[type][lang]
}
