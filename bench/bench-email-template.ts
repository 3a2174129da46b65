// The send benchmark's e-mail: a bank's offer letter the size marketers write (about 4 KB of HTML
// with inline styles in tables, as mail programs need, and its plain-text twin), personalised by
// name and salutation and quoting the offer's rate, amount, term and dates through the filters.

export const BENCH_EMAIL_TEMPLATE = {
  subject: '{{ client.first_name }}, вклад «{{ offer.name }}» под {{ offer.rate | percent }} годовых',
  body_html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f4f7;font-family:Arial,Helvetica,sans-serif">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:#0b3d91;color:#ffffff;padding:20px 32px;font-size:20px;font-weight:bold">Банк · Вклады и накопления</td></tr>
<tr><td style="padding:32px 32px 8px 32px;font-size:16px;line-height:24px;color:#1a1a1a">
<p style="margin:0 0 16px 0">{{ client.salutation }} {{ client.first_name }} {{ client.patronymic }}!</p>
<p style="margin:0 0 16px 0">Спасибо, что вы с нами. Для вас мы подготовили персональное предложение: вклад
«{{ offer.name }}» со ставкой <b>{{ offer.rate | percent }} годовых</b> на {{ offer.term_months }} мес.</p>
<p style="margin:0 0 16px 0">Откройте вклад от {{ offer.amount | money }} в мобильном приложении, интернет-банке
или в любом отделении банка — это займёт не больше пяти минут.</p>
</td></tr>
<tr><td style="padding:0 32px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border:1px solid #d9dee7;border-radius:6px;font-size:15px;color:#1a1a1a">
<tr><td style="padding:12px 16px;border-bottom:1px solid #d9dee7">Ставка</td><td align="right" style="padding:12px 16px;border-bottom:1px solid #d9dee7"><b>{{ offer.rate | percent }}</b></td></tr>
<tr><td style="padding:12px 16px;border-bottom:1px solid #d9dee7">Срок</td><td align="right" style="padding:12px 16px;border-bottom:1px solid #d9dee7">{{ offer.term_months }} мес.</td></tr>
<tr><td style="padding:12px 16px;border-bottom:1px solid #d9dee7">Сумма</td><td align="right" style="padding:12px 16px;border-bottom:1px solid #d9dee7">от {{ offer.amount | money }}</td></tr>
<tr><td style="padding:12px 16px">Предложение действует</td><td align="right" style="padding:12px 16px">до {{ offer.valid_until | date }}</td></tr>
</table>
</td></tr>
<tr><td style="padding:24px 32px;font-size:15px;line-height:22px;color:#1a1a1a">
<ul style="margin:0;padding:0 0 0 20px">
<li style="margin:0 0 8px 0">проценты каждый месяц — на карту или на вклад;</li>
<li style="margin:0 0 8px 0">пополнение в первые 30 дней без ограничений;</li>
<li style="margin:0 0 8px 0">вклад застрахован в АСВ на сумму до 1 400 000 ₽.</li>
</ul>
</td></tr>
<tr><td align="center" style="padding:8px 32px 32px 32px">
<a href="https://bank.example/deposits/nadezhny" style="display:inline-block;background:#0b3d91;color:#ffffff;text-decoration:none;padding:14px 28px;border-radius:6px;font-size:16px;font-weight:bold">Открыть вклад</a>
</td></tr>
<tr><td style="background:#f7f8fa;padding:20px 32px;font-size:12px;line-height:18px;color:#666666">
Ставка указана для вклада «{{ offer.name }}» при открытии с {{ offer.valid_from | date }} по {{ offer.valid_until | date }}.
Условия могут измениться; полные условия — на сайте банка и в отделениях. Генеральная лицензия Банка России.
Это письмо отправлено на адрес {{ client.email }}, потому что вы дали согласие получать предложения банка.
</td></tr>
</table>
</td></tr>
</table>`,
  body_text: `{{ client.salutation }} {{ client.first_name }} {{ client.patronymic }}!

Спасибо, что вы с нами. Для вас мы подготовили персональное предложение: вклад «{{ offer.name }}»
со ставкой {{ offer.rate | percent }} годовых на {{ offer.term_months }} мес.

Откройте вклад от {{ offer.amount | money }} в мобильном приложении, интернет-банке или в любом
отделении банка — это займёт не больше пяти минут.

Ставка: {{ offer.rate | percent }}
Срок: {{ offer.term_months }} мес.
Сумма: от {{ offer.amount | money }}
Предложение действует до {{ offer.valid_until | date }}

- проценты каждый месяц — на карту или на вклад;
- пополнение в первые 30 дней без ограничений;
- вклад застрахован в АСВ на сумму до 1 400 000 ₽.

Открыть вклад: https://bank.example/deposits/nadezhny

Условия могут измениться; полные условия — на сайте банка и в отделениях. Это письмо отправлено
на адрес {{ client.email }}, потому что вы дали согласие получать предложения банка.`,
} as const
