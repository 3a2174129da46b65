import { describe, expect, it } from 'vitest'
import { priceVerdict } from './price-verdict.ts'

// Hand computations in kopecks.
describe('priceVerdict', () => {
  it('is incremental responders × conversion × value per product − the wave’s cost (by hand)', () => {
    // 18 [10, 26] responders, half take the product: 9 × 1 801 042 − 315 000 = 15 894 378 kopecks.
    expect(priceVerdict({ incrementalResponders: { estimate: 18, ci: [10, 26] }, conversion: 0.5, valuePerProduct: 1_801_042, waveCost: 315_000 })).toEqual({
      incrementalProducts: { estimate: 9, ci: [5, 13] },
      incrementalProfit: { estimate: 15_894_378, ci: [8_690_210, 23_098_546] },
    })
  })

  it('turns the interval round for a product worth less than nothing', () => {
    // −1 000 × 2 − 100 = −2 100 and −1 000 × 4 − 100 = −4 100.
    expect(priceVerdict({ incrementalResponders: { estimate: 3, ci: [2, 4] }, conversion: 1, valuePerProduct: -1000, waveCost: 100 }).incrementalProfit).toEqual({ estimate: -3100, ci: [-4100, -2100] })
  })
})
