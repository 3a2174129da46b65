// A letter template is HTML (the marketer's editor and the e-mail share it); the printed letter is
// text laid out by the PDF writer. The few tags a letter uses become its text structure: a
// paragraph or a heading is a paragraph, <br> a line break, a list item a line «• …»; every other
// tag is dropped and its text kept. Entities LiquidJS's escaping writes (&amp; &lt; &gt; &quot;
// &#39;) and the usual named and numeric ones are decoded, so «&laquo;» prints as «.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', mdash: '—', ndash: '–', hellip: '…', copy: '©', numero: '№', rub: '₽',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return safeCodePoint(Number.parseInt(entity.slice(2), 16), whole)
    if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10), whole)
    return NAMED[entity.toLowerCase()] ?? whole
  })
}

const safeCodePoint = (code: number, fallback: string) => (Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback)

/** The letter's text: paragraphs separated by one blank line, list items as «• » lines. */
export function letterTextOfHtml(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/\s+/gu, ' ')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<li\b[^>]*>/giu, '\n• ')
    .replace(/<\/?(p|div|h[1-6]|ul|ol|table|tr|blockquote)\b[^>]*>/giu, '\n\n')
    .replace(/<[^>]*>/gu, '')
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/(\n• [^\n]*)\n\n(?=• )/gu, '$1\n')
    .trim()
}
