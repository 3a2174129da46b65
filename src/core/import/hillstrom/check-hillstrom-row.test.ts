import { describe, expect, it } from 'vitest'
import { checkHillstromHeader, checkHillstromRow } from './check-hillstrom-row.ts'
import { HILLSTROM_HEADER } from './hillstrom-experiment.ts'

const at = { line: 7, row: 6 }
const row = (cells: Partial<Record<string, string>>) => ({ segment: 'Mens E-Mail', visit: '1', conversion: '1', spend: '29.99', ...cells }) as Record<string, string>

describe('checkHillstromRow', () => {
  it.each([
    [{}, { row: 6, group: { arm: 'mens' }, visit: true, conversion: true, spend: '29.99' }],
    [{ segment: 'Womens E-Mail', visit: '0', conversion: '0', spend: '0' }, { row: 6, group: { arm: 'womens' }, visit: false, conversion: false, spend: '0' }],
    [{ segment: 'No E-Mail', visit: '1', conversion: '0', spend: '0' }, { row: 6, group: 'control', visit: true, conversion: false, spend: '0' }],
  ])('reads %j', (cells, expected) => {
    expect(checkHillstromRow(row(cells), at)).toEqual({ ok: true, row: expected })
  })

  it.each([
    [{ segment: 'Email' }, 'segment', 'Mens E-Mail | Womens E-Mail | No E-Mail'],
    [{ visit: 'yes' }, 'visit', '0 | 1'],
    [{ conversion: '2' }, 'conversion', '0 | 1'],
    [{ spend: '-1' }, 'spend', '≥ 0, cents'],
    [{ spend: '1.234' }, 'spend', '≥ 0, cents'],
    [{ spend: '0' }, 'spend', '> 0 (conversion = 1)'],
    [{ conversion: '0' }, 'spend', '0 (conversion = 0)'],
    [{ visit: '0' }, 'visit', '1 (conversion = 1)'],
  ])('refuses %j naming the line, the column and the rule', (cells, column, rule) => {
    const checked = checkHillstromRow(row(cells), at)
    expect(checked).toEqual({ ok: false, reason: { code: 'import.hillstrom_bad_cell', line: 7, column, value: row(cells)[column], rule } })
  })

  it('takes only the published header, in its order', () => {
    expect(checkHillstromHeader([...HILLSTROM_HEADER])).toBeUndefined()
    expect(checkHillstromHeader([...HILLSTROM_HEADER].reverse())).toMatchObject({ code: 'import.hillstrom_bad_header' })
  })
})
