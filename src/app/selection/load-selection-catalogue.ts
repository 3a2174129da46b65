import type { Kysely } from 'kysely'
import { POLICY_STEPS } from '../../contract/contact-policy.ts'
import { CHANNELS } from '../../contract/channels.ts'
import { RULE_FIELDS } from '../../core/selection/rule-catalogue.ts'
import type { Schema } from '../../db/schema.ts'
import { listBranches, listProducts, listRegions } from '../../db/stores/reference-store.ts'

/**
 * What the rule builder offers: the catalogue of fields and operators, the channels, the policy
 * steps of the funnel, and the codes a condition can name (active products, regions, branches).
 * Only codes and names: the builder needs no product economics.
 */
export async function loadSelectionCatalogue(db: Kysely<Schema>) {
  const [products, regions, branches] = await Promise.all([listProducts(db), listRegions(db), listBranches(db)])
  return {
    fields: RULE_FIELDS,
    channels: CHANNELS,
    policySteps: POLICY_STEPS,
    products: products
      .filter((p) => p.active)
      .map(({ code, name, type }) => ({ code, name, type }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    regions,
    branches: branches.map(({ code, name, regionCode }) => ({ code, name, regionCode })),
  }
}
