import { describe, expect, it } from 'vitest'
import { escapeFormula, unescapeFormula } from './escape-formula.ts'

// The leading characters OWASP's "CSV Injection" page lists: = + - @, tab and carriage return.
describe('escapeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+7 912 345-67-89', "'+7 912 345-67-89"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['Иванов Иван', 'Иванов Иван'],
    ['a=1', 'a=1'],
    ['', ''],
    ["'quoted", "'quoted"],
    ["'=1", "''=1"],
  ])('%j → %j', (text, escaped) => {
    expect(escapeFormula(text)).toBe(escaped)
  })

  it.each(['=1+1', '+7 912', '-5', '@x', "'=already", "'plain", 'plain', '', "'"])('reads back %j unchanged', (text) => {
    expect(unescapeFormula(escapeFormula(text))).toBe(text)
  })
})
