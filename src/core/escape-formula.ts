// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
// formula: a client named `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` in an export would run on the
// analyst's machine (CSV injection, OWASP). Every CSV and XLSX cell of text Otklik writes goes
// through escapeFormula; the import reads such a cell back through unescapeFormula, so a downloaded
// file of rejected rows imports again unchanged once fixed.

// Apostrophes already in front are counted in, so that reading back removes exactly the one added.
const FORMULA_START = /^'*[=+\-@\t\r]/

/** The text as a spreadsheet shows it literally: an apostrophe before a formula's first character. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** The original text of a cell escapeFormula wrote (any other text unchanged). */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}
