import type { Database } from '../src/db/open-database.ts'

/** The demo catalogue's cash loan (core/demo/demo-products.ts), the product of the business-case worked example. */
export async function seedCashLoanProduct(db: Database): Promise<void> {
  await db.kysely
    .insertInto('products')
    .values({ code: 'CL_CASH', type: 'consumer_loan', name: 'Кредит наличными', ftp_rate: 0.17, client_rate: 0.26, probability_of_default: 0.06, loss_given_default: 0.55, lifetime_months: 36 })
    .execute()
}
