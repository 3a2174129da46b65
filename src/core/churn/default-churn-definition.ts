import type { ChurnDefinition } from '../../contract/churn-schemas.ts'

/**
 * The definition until the bank sets its own: gone when nothing is open, after three whole months
 * without a transaction, or when the salary card is closed (DOMAIN.md: churn is quiet — clients
 * move their salary and stop using the card long before they close the last account). DC_SALARY
 * is the demo catalogue's salary card; a bank names its own.
 */
export const DEFAULT_CHURN_DEFINITION: ChurnDefinition = Object.freeze({
  allProductsClosed: true,
  inactiveMonths: 3,
  salaryCardStopped: true,
  salaryProducts: ['DC_SALARY'],
  reasonMonths: 6,
})
