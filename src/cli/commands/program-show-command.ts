import type { Command } from 'commander'
import { viewProgram, type ProgramView } from '../../app/program/view-program.ts'
import type { OfferStatus } from '../../contract/offer-statuses.ts'
import type { Language } from '../../contract/language.ts'
import { programWord } from '../../contract/program-words.ts'
import { runCommand } from '../run-command.ts'

// The command's own labels; the codes it names are in words from contract/program-words.ts.
type Labels = { program: string; next: string; none: string; checklist: string; offer: string; version: string; offerStatus: Record<OfferStatus, string>; unsendable: string }
const LABELS: Record<Language, Labels> = {
  ru: {
    program: 'программа', next: 'дальше', none: 'некуда', checklist: 'перед пилотом', offer: 'предложение', version: 'версия',
    offerStatus: { draft: 'черновик', approved: 'утверждено', retired: 'снято' }, unsendable: 'волны не могут его отправить',
  },
  en: {
    program: 'program', next: 'next', none: 'nowhere', checklist: 'before the pilot', offer: 'offer', version: 'version',
    offerStatus: { draft: 'draft', approved: 'approved', retired: 'retired' }, unsendable: 'waves cannot send it',
  },
}

/** The offer line: which one, its newest version, and whether waves may send it. */
function offerLine(label: Labels, offer: ProgramView['offerSummary']): string {
  if (!offer) return `  ${label.offer}: —`
  const status = `${label.offerStatus[offer.status]}${offer.approved ? '' : ` (${label.unsendable})`}`
  return `  ${label.offer}: ${offer.code} «${offer.name}», ${label.version} ${offer.version}: ${status}`
}

/** `otklik program show C`: where the program stands, the moves it may make and by whom, its offer, and the pre-launch checklist. */
export function registerProgramShowCommand(command: Command): void {
  command
    .command('show')
    .description('where a program stands: its status, the moves it may make and who makes them, and the pre-launch checklist')
    .argument('<code>', 'the program code')
    .action(async (code: string, _options: unknown, sub: Command) => {
      await runCommand(sub, async ({ db, lang }) => {
        const view = await viewProgram(db.kysely, { code, role: null })
        const label = LABELS[lang]
        const moves = view.allowedMoves.map((move) => `${programWord(lang, 'statuses', move.to)} (${move.roles.map((role) => programWord(lang, 'roles', role)).join(', ')})`)
        const text = [
          `${label.program} ${view.code} «${view.name}»: ${programWord(lang, 'statuses', view.status)}`,
          `  ${label.next}: ${moves.length > 0 ? moves.join('; ') : label.none}`,
          offerLine(label, view.offerSummary),
          `  ${label.checklist}:`,
          ...view.checklist.map((entry) => `    [${entry.met ? 'x' : ' '}] ${programWord(lang, 'checklist', entry.item)}`),
        ].join('\n')
        const json = { code: view.code, name: view.name, status: view.status, offer: view.offerSummary, allowedMoves: view.allowedMoves, checklist: view.checklist }
        return { json, text }
      })
    })
}
