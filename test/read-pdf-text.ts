/** A PDF's pages and text, read by pdf.js (a parser of its own, not the writer); `pageTexts` one per page. */
export async function readPdfText(body: Buffer): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(body), useSystemFonts: false, disableFontFace: true }).promise
  const texts: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
  }
  // One space for any run of white space (a wrapped line, the no-break spaces of Russian numbers).
  const flat = (text: string) => text.replace(/\s+/gu, ' ')
  return { pages: pdf.numPages, text: flat(texts.join('\n')), pageTexts: texts.map(flat) }
}
