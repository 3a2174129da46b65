// Hillstrom's MineThatData e-mail experiment (2008; ../shared/data/hillstrom/PROVENANCE.md) as an
// Otklik program. In the bank's words (DESIGN.md):
//
// - Each of the 64,000 customers becomes a synthetic client, marked so in its name and bank id
//   (HILLSTROM-000001 is the file's first data row) and flagged do-not-contact: nobody may ever
//   e-mail them, and no real client shares an id with them.
// - The program has two offers, the men's and the women's e-mail, and one pilot wave per offer: an
//   **arm is a wave** with its own offer. The experiment randomised three ways, so both arms share
//   one control group: each "No E-Mail" customer is a control member of both waves (wave_members is
//   keyed by client and wave, so that is two rows). Each arm's target is its own e-mailed customers.
// - The randomisation is Hillstrom's, not the program's control hash (invariant 5 is about groups
//   Otklik draws); the waves are stored as already sent, so they can never be rebuilt or re-sent.
// - Visits and conversions are responses; a conversion carries the customer's spend as its value
//   (spend > 0 exactly when conversion = 1 in the file). The data set's money is US dollars.
// - The results (app/program/view-program-results.ts) read each arm's members and counts its
//   responses by membership within the attribution window, so the shared control's responses count
//   for both arms, although attribution files each response under one wave.

export const HILLSTROM_PROGRAM_CODE = 'HILLSTROM'
export const HILLSTROM_ROWS = 64_000
export const HILLSTROM_HEADER = ['recency', 'history_segment', 'history', 'mens', 'womens', 'zip_code', 'newbie', 'channel', 'segment', 'visit', 'conversion', 'spend'] as const

/** The file's segment of each arm, and the offer its wave sends. */
export const HILLSTROM_ARMS = [
  { arm: 'mens', segment: 'Mens E-Mail', offerCode: 'HILLSTROM-MENS', offerName: "Hillstrom 2008: men's merchandise e-mail" },
  { arm: 'womens', segment: 'Womens E-Mail', offerCode: 'HILLSTROM-WOMENS', offerName: "Hillstrom 2008: women's merchandise e-mail" },
] as const
export const HILLSTROM_CONTROL_SEGMENT = 'No E-Mail'
export type HillstromArm = (typeof HILLSTROM_ARMS)[number]['arm']

/**
 * The data set gives no dates: the e-mails are taken as sent on this day and the responses as come
 * in the week after; Hillstrom tracked results for two weeks, the program's attribution window.
 */
export const HILLSTROM_SENT_AT = '2008-03-03T09:00:00.000Z'
export const HILLSTROM_RESPONDED_AT = '2008-03-10T09:00:00.000Z'
export const HILLSTROM_ATTRIBUTION_DAYS = 14

/** The bank id of a data row (1 is the first row after the header): deterministic, so a rerun finds its clients. */
export const hillstromBankId = (row: number): string => `HILLSTROM-${String(row).padStart(6, '0')}`
