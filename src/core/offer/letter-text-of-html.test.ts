import { describe, expect, it } from 'vitest'
import { letterTextOfHtml } from './letter-text-of-html.ts'

describe('letterTextOfHtml', () => {
  it.each([
    ['paragraphs become paragraphs', '<p>Уважаемый Иван Петрович!</p><p>Для вас вклад.</p>', 'Уважаемый Иван Петрович!\n\nДля вас вклад.'],
    ['a list becomes bullet lines after its paragraph', '<p>Условия:</p><ul><li>Ставка 16 %</li><li>Срок 12 мес.</li></ul><p>Ждём вас.</p>', 'Условия:\n\n• Ставка 16 %\n• Срок 12 мес.\n\nЖдём вас.'],
    ['a line break stays a line break', '<p>С уважением,<br>ЦБУ «Тверской»</p>', 'С уважением,\nЦБУ «Тверской»'],
    ['entities are decoded, escaped markup stays text', '<p>&laquo;Вклад&raquo; &amp; &lt;b&gt; &#8381; &#x2116;</p>', '«Вклад» & <b> ₽ №'],
    ['other tags are dropped, their text kept; source line breaks are spaces', '<p>Ставка <b>16\n %</b> <a href="x">здесь</a></p>', 'Ставка 16 % здесь'],
    ['scripts and styles are dropped whole', '<style>p{}</style><p>Текст</p><script>alert(1)</script>', 'Текст'],
    ['an unknown entity is kept as written', '<p>&bogus; &#0;</p>', '&bogus; &#0;'],
  ])('%s', (_what, html, text) => {
    expect(letterTextOfHtml(html)).toBe(text)
  })
})
