import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ContactChannel } from './contact-channel.ts'

// Letters leave the bank as a print batch: one PDF and a CSV of addresses in a folder the print
// shop takes from (app/wave/print-letter-wave.ts). The batch's file is the provider: a letter whose
// contact names a batch file that exists was handed to print; one whose batch was never written
// (a run killed before the files were renamed into place) is queued again. Nothing else reaches it.

export function batchFileName(batch: string): string {
  return `${batch}.pdf`
}

export function createPrintBatchChannel(input: { outDir: string; batch: string }): ContactChannel {
  return {
    channel: 'letter',
    limits: { ratePerSecond: Number.POSITIVE_INFINITY, burst: 1 },
    reference: (c) => `${input.batch}#${c.id}`,
    async send() {
      return { outcome: 'permanent', error: 'letters are printed in a batch, not sent one by one' }
    },
    async reconcile(reference) {
      const batch = reference.split('#')[0] ?? ''
      return existsSync(join(input.outDir, batchFileName(batch))) ? { outcome: 'accepted', providerMessageId: reference } : { outcome: 'not_accepted' }
    },
    async close() {},
  }
}
