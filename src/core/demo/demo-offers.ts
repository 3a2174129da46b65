import type { CreateOfferBody, OfferTemplate } from '../../contract/offer-schemas.ts'

/** An offer of the demo bank: its content (validity as days from the demo's today) and the programs that name it. */
export type DemoOffer = Omit<CreateOfferBody, 'validFrom' | 'validUntil' | 'templates'> & {
  fromInDays: number
  untilInDays: number
  templates: OfferTemplate[]
  programs: readonly string[]
}

// What every message of the bank ends with: who writes, and how to stop advertising (38-FZ art. 18).
const SMS_STOP = 'Отказ от рассылки: СТОП на 900.'
const HELLO = '{{ client.salutation }} {{ client.full_name | address_name }}!'
const SIGNATURE = '<p>С уважением,<br>{{ client.branch_name | default: "ваш банк" }}</p>'

type Words = {
  subject: string
  /** The e-mail's and the letter's paragraphs (HTML, fields allowed). */
  paragraphs: string[]
  /** The terms as a list. */
  points: string[]
  sms: string
  script: string
  objections: { objection: string; answer: string }[]
}

/** The four channels of one offer from its words: e-mail (subject, HTML, text), SMS, letter, call. */
function templates(words: Words): OfferTemplate[] {
  const list = `<ul>${words.points.map((p) => `<li>${p}</li>`).join('')}</ul>`
  const html = `<p>${HELLO}</p>${words.paragraphs.map((p) => `<p>${p}</p>`).join('')}${list}`
  const text = [HELLO, ...words.paragraphs, ...words.points.map((p) => `— ${p}`), 'С уважением,\n{{ client.branch_name | default: "ваш банк" }}'].join('\n\n').replace(/<[^>]+>/g, '')
  return [
    { channel: 'email', subject: words.subject, bodyHtml: `${html}${SIGNATURE}`, bodyText: text, script: null, objections: [] },
    { channel: 'sms', subject: null, bodyHtml: null, bodyText: `${words.sms} ${SMS_STOP}`, script: null, objections: [] },
    { channel: 'letter', subject: null, bodyHtml: `${html}<p>Предложение действует до {{ offer.valid_until | date }}. Подробности — в любом отделении банка и по телефону 8 800 100-00-00 (звонок по России бесплатный).</p>`, bodyText: null, script: null, objections: [] },
    { channel: 'call', subject: null, bodyHtml: null, bodyText: null, script: words.script, objections: words.objections },
  ]
}

// The demo bank's catalogue (issue 8): approved offers with a template per channel, named by the
// registry's programs (core/demo/demo-programs.ts), so a wave can be sent in the demo. The wording
// is what a Russian retail bank writes; the terms match the demo products (demo-products.ts).
export const DEMO_OFFERS: readonly DemoOffer[] = [
  {
    code: 'CC-120-DAYS',
    link: 'https://bank.example/cards/credit-120',
    name: 'Кредитная карта «120 дней без процентов»',
    product: 'CC_CLASSIC',
    terms: 'Льготный период до 120 дней на покупки; обслуживание бесплатно в первый год; ПСК от 29,9 % до 39,9 % годовых.',
    rate: 0.299,
    termMonths: null,
    amount: 300_000,
    fromInDays: -10,
    untilInDays: 110,
    programs: ['CC-SALARY'],
    templates: templates({
      subject: '{{ client.full_name | address_name }}, для вас одобрена кредитная карта с лимитом до {{ offer.amount | money }}',
      paragraphs: [
        'Вы получаете зарплату на карту нашего банка, и мы подготовили для вас кредитную карту с лимитом до {{ offer.amount | money }}.',
        'Покупки по карте без процентов до 120 дней, а обслуживание в первый год — бесплатно.',
      ],
      points: ['Лимит до {{ offer.amount | money }}', 'Ставка от {{ offer.rate | percent }} годовых после льготного периода', 'Оформление за 15 минут в отделении или с доставкой'],
      sms: '{{ client.first_name }}, для вас одобрена кредитная карта: до {{ offer.amount | money }}, 120 дней без %, обслуживание 0 ₽ в первый год. Оформите до {{ offer.valid_until | date }} в мобильном банке.',
      script: 'Здравствуйте, {{ client.full_name | address_name }}! Меня зовут …, я звоню из банка. Вы получаете зарплату на нашу карту, и для вас одобрена кредитная карта с лимитом до {{ offer.amount | money }}. Покупки без процентов до 120 дней, обслуживание в первый год бесплатно. Удобно оформить её сейчас, по телефону, с доставкой?',
      objections: [
        { objection: 'Мне не нужна кредитка', answer: 'Понимаю. Карта ни к чему не обязывает: если не пользоваться лимитом, она ничего не стоит в первый год, а пригодится на непредвиденные расходы.' },
        { objection: 'Высокие проценты', answer: 'Если гасить долг в течение 120 дней, проценты не начисляются вовсе. После льготного периода ставка — от {{ offer.rate | percent }} годовых.' },
        { objection: 'Перезвоните позже', answer: 'Конечно. Когда вам удобно? Предложение действует до {{ offer.valid_until | date }}.' },
      ],
    }),
  },
  {
    code: 'TD-PROLONG',
    link: 'https://bank.example/deposits/prolong',
    name: 'Продление вклада «Доходный» с надбавкой 0,5 %',
    product: 'TD_12M',
    terms: 'Продление на 12 месяцев по ставке на 0,5 п. п. выше базовой; от 50 000 ₽; без пополнения и частичного снятия.',
    rate: 0.16,
    termMonths: 12,
    amount: 50_000,
    fromInDays: -5,
    untilInDays: 70,
    programs: ['TD-MATURING'],
    templates: templates({
      subject: 'Ваш вклад скоро закончится: продлите его под {{ offer.rate | percent }}',
      paragraphs: [
        'Срок вашего вклада подходит к концу. Продлите его ещё на {{ offer.term_months }} месяцев — и мы добавим 0,5 % к ставке.',
        'Продление займёт пару минут в мобильном банке или в отделении {{ client.branch_name | default: "банка" }}.',
      ],
      points: ['Ставка {{ offer.rate | percent }} годовых', 'Сумма от {{ offer.amount | money }}', 'Вклад застрахован в АСВ'],
      sms: '{{ client.first_name }}, ваш вклад скоро закончится. Продлите его на {{ offer.term_months }} мес. под {{ offer.rate | percent }} до {{ offer.valid_until | date }} в мобильном банке.',
      script: 'Здравствуйте, {{ client.full_name | address_name }}! Звоню из банка: срок вашего вклада скоро заканчивается. Для вас есть продление на {{ offer.term_months }} месяцев под {{ offer.rate | percent }} годовых — это на 0,5 % выше базовой ставки. Продлим?',
      objections: [
        { objection: 'В другом банке ставка выше', answer: 'Сравните, пожалуйста, условия целиком: у нас проценты не теряются при продлении, а вклад застрахован в АСВ. И надбавка 0,5 % действует только для вас до {{ offer.valid_until | date }}.' },
        { objection: 'Деньги понадобятся раньше', answer: 'Можно продлить только часть суммы — от {{ offer.amount | money }}, а остальное перевести на накопительный счёт, где снятие свободное.' },
      ],
    }),
  },
  {
    code: 'CL-PREAPPROVED-500',
    link: 'https://bank.example/loans/preapproved',
    name: 'Предодобренный кредит наличными до 500 000 ₽',
    product: 'CL_CASH',
    terms: 'Сумма до 500 000 ₽ на срок до 5 лет; ставка от 24 % годовых; без залога и поручителей; решение за 2 минуты.',
    rate: 0.24,
    termMonths: 60,
    amount: 500_000,
    fromInDays: 0,
    untilInDays: 90,
    programs: ['CL-PREAPPROVED'],
    templates: templates({
      subject: '{{ client.full_name | address_name }}, вам предварительно одобрен кредит до {{ offer.amount | money }}',
      paragraphs: [
        'Мы предварительно одобрили вам кредит наличными до {{ offer.amount | money }} — без залога и поручителей.',
        'Деньги можно получить на карту в день обращения.',
      ],
      points: ['Ставка от {{ offer.rate | percent }} годовых', 'Срок до {{ offer.term_months }} месяцев', 'Досрочное погашение без комиссии'],
      sms: '{{ client.first_name }}, вам предварительно одобрен кредит до {{ offer.amount | money }} под {{ offer.rate | percent }}. Получите деньги на карту до {{ offer.valid_until | date }}.',
      script: 'Здравствуйте, {{ client.full_name | address_name }}! Я звоню из банка: вам предварительно одобрен кредит наличными до {{ offer.amount | money }} по ставке от {{ offer.rate | percent }} годовых, без залога. Рассказать об условиях?',
      objections: [
        { objection: 'Я не беру кредиты', answer: 'Понимаю. Предложение ни к чему не обязывает и действует до {{ offer.valid_until | date }}: если понадобятся деньги, решение уже готово.' },
        { objection: 'Какой будет платёж?', answer: 'Зависит от суммы и срока: например, 300 000 ₽ на 5 лет — около 8 700 ₽ в месяц. Точный график пришлём после заявки.' },
      ],
    }),
  },
  {
    code: 'SAV-PLUS-1',
    link: 'https://bank.example/savings/plus',
    name: 'Накопительный счёт: +1 % к ставке на три месяца',
    product: 'SAV',
    terms: 'Надбавка 1 п. п. к базовой ставке на первые 3 месяца; проценты на ежедневный остаток; снятие и пополнение без ограничений.',
    rate: 0.13,
    termMonths: 3,
    amount: null,
    fromInDays: -50,
    untilInDays: 40,
    programs: ['SAV-ONLINE'],
    templates: templates({
      subject: 'Ваши деньги могут приносить {{ offer.rate | percent }} годовых',
      paragraphs: [
        'Откройте накопительный счёт в мобильном банке — первые три месяца ставка будет {{ offer.rate | percent }} годовых.',
        'Проценты начисляются на ежедневный остаток, а снять деньги можно в любой момент.',
      ],
      points: ['{{ offer.rate | percent }} годовых первые {{ offer.term_months }} месяца', 'Без ограничений на снятие и пополнение', 'Открытие за минуту в мобильном банке'],
      sms: '{{ client.first_name }}, откройте накопительный счёт до {{ offer.valid_until | date }}: {{ offer.rate | percent }} годовых первые 3 мес., снятие без ограничений.',
      script: 'Здравствуйте, {{ client.full_name | address_name }}! Звоню из банка: по вашей карте хорошие обороты, и свободные деньги могут приносить доход. Накопительный счёт — {{ offer.rate | percent }} годовых первые три месяца, снятие в любой момент. Открыть его можно прямо в мобильном банке.',
      objections: [
        { objection: 'У меня уже есть вклад', answer: 'Отлично, счёт его дополняет: на вкладе деньги лежат до срока, а со счёта их можно снять в любой день без потери процентов.' },
      ],
    }),
  },
  {
    code: 'DC-COMEBACK',
    link: 'https://bank.example/cards/comeback',
    name: 'Дебетовая карта с кэшбэком 5 % для возвращающихся клиентов',
    product: 'DC_STD',
    terms: 'Кэшбэк 5 % в выбранной категории три месяца; обслуживание бесплатно; перевыпуск карты бесплатно.',
    rate: 0.05,
    termMonths: 3,
    amount: 3_000,
    fromInDays: 0,
    untilInDays: 150,
    programs: ['WB-CLOSED'],
    templates: templates({
      subject: '{{ client.full_name | address_name }}, мы скучаем: кэшбэк {{ offer.rate | percent }} на три месяца',
      paragraphs: [
        'Вы были с нами с {{ client.client_since | date }}, и мы будем рады видеть вас снова.',
        'Оформите дебетовую карту — и три месяца получайте кэшбэк {{ offer.rate | percent }} в выбранной категории, до {{ offer.amount | money }} в месяц.',
      ],
      points: ['Обслуживание карты бесплатно', 'Кэшбэк {{ offer.rate | percent }} три месяца', 'Карта с доставкой или в отделении {{ client.branch_name | default: "банка" }}'],
      sms: '{{ client.first_name }}, вернитесь за кэшбэком {{ offer.rate | percent }}: дебетовая карта без платы за обслуживание. Оформите до {{ offer.valid_until | date }}.',
      script: 'Здравствуйте, {{ client.full_name | address_name }}! Звоню из банка. Вы раньше были нашим клиентом, и мы подготовили для вас карту с кэшбэком {{ offer.rate | percent }} на три месяца и бесплатным обслуживанием. Вам было бы интересно?',
      objections: [
        { objection: 'Я ушёл из-за плохого обслуживания', answer: 'Мне очень жаль. Расскажите, пожалуйста, что случилось, — я передам это руководителю отделения. Многое с тех пор изменилось: например, поддержка в чате отвечает круглосуточно.' },
      ],
    }),
  },
]
