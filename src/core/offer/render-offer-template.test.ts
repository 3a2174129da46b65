import { describe, expect, it } from 'vitest'
import type { TemplateData } from '../../contract/offer-template-fields.ts'
import { checkOfferTemplate } from './check-offer-template.ts'
import { renderOfferTemplate } from './render-offer-template.ts'

const NBSP = '\u00a0'

const data: TemplateData = {
  client: {
    full_name: 'Петров Иван Сергеевич', last_name: 'Петров', first_name: 'Иван', patronymic: 'Сергеевич', salutation: 'Уважаемый',
    gender: 'M', segment: 'premium', branch_name: 'ЦБУ «Тверской»', phone: '+79161234567', email: 'ivan@example.ru',
    address: 'Москва, ул. Тверская, 1', birth_date: '1980-04-01', client_since: '2015-06-30',
  },
  offer: {
    code: 'DEP-2026', name: 'Вклад «Надёжный»', product_name: 'Вклад', terms: 'Без пополнения', rate: 0.125, term_months: 12,
    amount: 1234.56, valid_from: '2026-12-01', valid_until: '2026-12-31', link: 'https://bank.example/deposits',
  },
}

function render(text: string, part: 'body_text' | 'body_html' = 'body_text', language: 'ru' | 'en' = 'ru') {
  return renderOfferTemplate({ part, text, data, language })
}

describe('renderOfferTemplate', () => {
  // Known answers written by hand from the bank's formats: no-break spaces in money (Intl ru-RU),
  // dd.mm.yyyy, the nominative form of address.
  it.each([
    ['{{ client.salutation }} {{ client.full_name | address_name }}!', 'Уважаемый Иван Сергеевич!'],
    ['{{ offer.amount | money }}', `1${NBSP}234,56${NBSP}₽`],
    ['{{ 500000 | money }}', `500${NBSP}000${NBSP}₽`],
    ['{{ offer.rate | percent }}', `12,5${NBSP}%`],
    ['до {{ offer.valid_until | date }}', 'до 31.12.2026'],
    ['{{ offer.term_months }} мес.', '12 мес.'],
    ['{% if client.segment == "premium" %}Премиум{% else %}Масс{% endif %}', 'Премиум'],
    ['{{ client.patronymic | upcase }}', 'СЕРГЕЕВИЧ'],
  ])('ru: %s → %s', (text, expected) => {
    expect(render(text)).toEqual({ ok: true, text: expected })
  })

  it.each([
    ['{{ offer.amount | money }}', '₽1,234.56'],
    ['{{ offer.rate | percent }}', '12.5%'],
    ['{{ offer.valid_until | date }}', '31.12.2026'],
  ])('en: %s → %s', (text, expected) => {
    expect(render(text, 'body_text', 'en')).toEqual({ ok: true, text: expected })
  })

  it('escapes the client\'s values in HTML, not in text', () => {
    const hostile = { ...data, client: { ...data.client, full_name: '<script>x</script>' } }
    expect(renderOfferTemplate({ part: 'body_html', text: '<p>{{ client.full_name }}</p>', data: hostile, language: 'ru' })).toEqual({ ok: true, text: '<p>&lt;script&gt;x&lt;/script&gt;</p>' })
    expect(renderOfferTemplate({ part: 'body_text', text: '{{ client.full_name }}', data: hostile, language: 'ru' })).toEqual({ ok: true, text: '<script>x</script>' })
  })

  it.each([
    ['an unknown field, named with its line and column', 'Добрый день,\n  {{ client.frist_name }}', { code: 'template.unknown_field', line: 2, column: 6, field: 'client.frist_name' }],
    ['an unknown field in a branch this client never takes', '{% if false %}\n{{ offer.discount }}{% endif %}', { code: 'template.unknown_field', line: 2, column: 4, field: 'offer.discount' }],
    ['an unknown object', '{{ bank.name }}', { code: 'template.unknown_field', line: 1, column: 4, field: 'bank.name' }],
    ['a field read by a computed name', '{% assign k = "phone" %}{{ client[k] }}', { code: 'template.unknown_field', field: 'client[k]' }],
    ['a walk past a field', '{{ client.first_name.constructor }}', { code: 'template.unknown_field', field: 'client.first_name.constructor' }],
    ['an unknown filter', 'x\n{{ offer.amount | roubles }}', { code: 'template.unknown_filter', line: 2, column: 1, filter: 'roubles' }],
    ['broken syntax', 'a\nb\n  {% if %}x{% endif %}', { code: 'template.syntax', line: 3, column: 8 }],
    ['an unclosed tag', 'Текст\n{% for i in (1..3) %}{{ i }}', { code: 'template.syntax', line: 2, column: 1 }],
    ['an unclosed output', '{{ client.first_name', { code: 'template.syntax', line: 1, column: 1 }],
    ['an include from disk', '{% include "/etc/passwd" %}', { code: 'template.tag_not_allowed', line: 1, column: 1, tag: 'include' }],
    ['a layout', '{% layout "x" %}', { code: 'template.tag_not_allowed', tag: 'layout' }],
    ['a render', 'ok\n{% render "x" %}', { code: 'template.tag_not_allowed', line: 2, tag: 'render' }],
    ['a filter given the wrong value', '{{ client.segment | money }}', { code: 'template.render_failed', line: 1, column: 1 }],
  ])('refuses %s', (_what, text, expected) => {
    const result = render(text)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatchObject({ part: 'body_text', ...expected })
  })

  // LiquidJS's limits: a range counts against memoryLimit, time against renderLimit, and the
  // rendered text against Otklik's own OUTPUT_LIMIT.
  it.each([
    ['a loop over a hundred million', '{% for i in (1..100000000) %}x{% endfor %}', { code: 'template.too_large', limit: 1_000_000 }],
    ['arrays doubled forty times', '{% assign a = "1,2,3" | split: "," %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}{{ a.size }}', { code: 'template.too_large', limit: 1_000_000 }],
    ['nested loops running past the time limit', '{% for i in (1..900) %}{% for j in (1..900) %}{{ i | plus: j }}{% endfor %}{% endfor %}', { code: 'template.too_slow', limit: 200 }],
    ['an output longer than a letter', '{% for i in (1..3000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}', { code: 'template.too_large', limit: 100_000 }],
  ])('stops %s quickly, with a reason', (_what, text, expected) => {
    const started = performance.now()
    const result = render(text)
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(result).toEqual({ ok: false, reason: { part: 'body_text', ...expected } })
  })

  it('refuses a template longer than the limit before parsing it', () => {
    expect(checkOfferTemplate('body_text', 'x'.repeat(20_001))).toEqual({ ok: false, reason: { code: 'template.too_long', part: 'body_text', limit: 20_000 } })
  })

  it('keeps a loop over a short range and the standard filters', () => {
    expect(render('{% for i in (1..3) %}{{ i }}{% endfor %} {{ offer.name | append: "!" }} {{ offer.rate | times: 100 }}')).toEqual({ ok: true, text: '123 Вклад «Надёжный»! 12.5' })
  })
})

describe('a masked birth date', () => {
  it('prints as a mask through the date filter, not as an error', () => {
    const masked = { ...data, client: { ...data.client, birth_date: '****-**-**' } }
    expect(renderOfferTemplate({ part: 'body_text', text: '{{ client.birth_date | date }}', data: masked, language: 'ru' })).toEqual({ ok: true, text: '**.**.****' })
  })
})
