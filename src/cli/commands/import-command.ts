import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { recordAuditEvent } from '../../app/audit/record-audit-event.ts'
import { importBerka } from '../../app/import/berka/import-berka.ts'
import { complaintFileJson } from '../../app/import/cfpb/complaint-file-json.ts'
import { loadComplaintFile } from '../../app/import/cfpb/load-complaint-file.ts'
import { importHillstrom } from '../../app/import/hillstrom/import-hillstrom.ts'
import { runImport, type ImportOutcome, type ImportProgressReport } from '../../app/import/run-import.ts'
import { listImportHistory } from '../../app/import/list-import-history.ts'
import { listImportRejections } from '../../app/import/list-import-rejections.ts'
import { recoverInterruptedImports } from '../../app/import/recover-interrupted-imports.ts'
import { updateProfile } from '../../app/selection/update-profile.ts'
import { normalizeEncoding } from '../../app/import/source-decoder.ts'
import { describeReasons, formatReason } from '../../contract/format-reason.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { Language } from '../../contract/language.ts'
import { DomainError } from '../../core/domain-error.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import { IMPORT_KINDS, type ImportKind } from '../../core/import/import-kinds.ts'
import { COMPLAINT_FILE_FORMATS } from '../../contract/import-kinds.ts'
import type { Database } from '../../db/open-database.ts'
import { cliActor } from '../cli-actor.ts'
import { runCommand } from '../run-command.ts'
import { today } from '../today.ts'

/** The CLI prints at most this many rejections; all of them stay in the import's history. */
const PRINTED_REJECTIONS = 1000

type KindOptions = { dryRun?: boolean; mapping?: string; encoding?: string; program?: string; progressLines?: boolean }

export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description("load clients, holdings, activity, consents, regions, branches or a program's responses from CSV or XLSX; the Berka data set; the import history")
  for (const kind of IMPORT_KINDS) {
    command
      .command(`${kind} <file>`)
      .description(`import ${kind} from a CSV (UTF-8 or Windows-1251, "," or ";") or XLSX file; fields: ${IMPORT_FIELDS[kind].map((f) => f.name).join(', ')}`)
      .option('--dry-run', 'check the file and report what would load, without loading it')
      .option('--mapping <file.json>', 'the column mapping as JSON {"field": "header"} (default: guessed from the header)')
      .option('--encoding <name>', 'the file encoding (default: detected; utf-8 or windows-1251)')
      // Every kind takes the option, so that a wrong use gets Otklik's own refusal (exit 2), not commander's.
      .option('--program <code>', kind === 'responses' ? 'the program the responses are for; without it the rows are the clients\' events, which attribution gives to programs by their response rules' : 'only for an import of responses')
      .action(async (file: string, options: KindOptions, cmd: Command) => {
        await runCommand(cmd, async ({ db, config, lang }) => importFile(db, kind, file, { ...options, progressLines: config.progressLines, lang }))
      })
  }
  command
    .command('berka <dir>')
    .description("import the PKDD'99 Czech bank tables (district, client, account, disp, card, loan .asc); see docs/berka-mapping.md")
    .action(async (dir: string, _options: unknown, cmd: Command) => {
      await runCommand(cmd, async ({ db, lang }) => {
        const actor = cliActor()
        const result = await importBerka(db, { dir: resolve(dir), user: actor, onProgress: progressLine('Berka') })
        endProgress()
        await recordAuditEvent(db.kysely, actor, {
          action: 'import.create', entity: 'import', entityId: String(result.id),
          details: { kind: 'berka', fileName: basename(dir), dryRun: false, status: result.status, loaded: result.loaded, rejected: result.rejected },
        })
        if (result.status === 'failed') throw new DomainError('import_failed', result.error ?? 'the import failed', result.errorReason ?? reason('import.failed', { detail: result.error ?? '' }))
        await refreshSelectionProfile(db, result.loaded)
        const rejections = await printedRejections(db, result.id, { withFile: true, lang })
        const json = { id: result.id, loaded: result.loaded, rejected: result.rejected, files: result.files, rejections }
        const perFile = Object.entries(result.files).map(([file, c]) => `  ${file}: loaded ${c.loaded}, rejected ${c.rejected}`)
        return { json, text: [`Import #${result.id}: loaded ${result.loaded} rows, rejected ${result.rejected}`, ...perFile, ...rejectionLines(rejections)].join('\n') }
      })
    })
  command
    .command('complaints <file>')
    .description('load a consumer-complaint export as market complaints (not the bank\'s own): the CFPB format, its older 14-column export or the current 18-column one; see docs/cfpb-mapping.md')
    .option('--format <name>', `the export's format: ${COMPLAINT_FILE_FORMATS.join(', ')}`, 'cfpb')
    .option('--dry-run', 'check the file and report what would load, without loading it')
    .action(async (file: string, options: { format: string; dryRun?: boolean }, cmd: Command) => {
      await runCommand(cmd, async ({ db, lang }) => importComplaints(db, file, { ...options, lang }))
    })
  command
    .command('hillstrom <file>')
    .description("load Hillstrom's e-mail experiment (2008) as the program HILLSTROM: 64,000 synthetic clients, a wave per e-mail sharing one control, visits and conversions with spend; a rerun adds nothing")
    .action(async (file: string, _options: unknown, cmd: Command) => {
      await runCommand(cmd, async ({ db }) => {
        const actor = cliActor()
        const progress = progressLine('Hillstrom')
        const outcome = await importHillstrom(db.kysely, {
          path: resolve(file),
          actor: { id: actor.id, login: actor.login ?? 'cli', role: null },
          onProgress: (done, total) => progress({ rowsRead: done, loaded: done, rejected: 0, bytesRead: done, bytesTotal: total }),
        })
        endProgress()
        await recordAuditEvent(db.kysely, actor, {
          action: 'import.create', entity: 'program', entityId: outcome.program,
          details: {
            kind: 'hillstrom', fileName: basename(file), dryRun: false, status: 'done', loaded: outcome.added.clients, rejected: 0,
            waves: outcome.arms.map((a) => ({ wave: a.wave, offer: a.offer })), added: outcome.added,
          },
        })
        await refreshSelectionProfile(db, outcome.added.clients)
        const json = { program: outcome.program, arms: outcome.arms, stored: outcome.stored, added: outcome.added }
        const text = [
          `program ${outcome.program}: ${outcome.stored.clients} clients, ${outcome.stored.members} members, ${outcome.stored.responses} responses (this run added ${outcome.added.clients} clients, ${outcome.added.responses} responses)`,
          ...outcome.arms.map((a) => `  ${a.arm}: wave ${a.wave} (${a.offer}), ${a.target} in target, ${a.control} in the shared control`),
        ].join('\n')
        return { json, text }
      })
    })
  command
    .command('history')
    .description('the latest imports: who imported what, when, and the counts')
    .option('--limit <n>', 'how many', '20')
    .action(async (options: { limit: string }, cmd: Command) => {
      await runCommand(cmd, async ({ db, lang }) => {
        const limit = z.coerce.number().int().min(1).max(500).safeParse(options.limit)
        if (!limit.success) throw new DomainError('invalid_input', '--limit must be a whole number from 1 to 500', reason('cli.bad_limit', { max: 500 }))
        const history = await listImportHistory(db, { limit: limit.data, offset: 0, now: new Date(), atStart: true })
        const text = history.items.map((i) =>
          `#${i.id} ${i.startedAt} ${i.login ?? '-'} ${i.kind}${i.program ? ` of ${i.program}` : ''}${i.dryRun ? ' (dry run)' : ''} ${i.fileName}: ${i.status}, read ${i.rowsRead}, loaded ${i.loaded}, rejected ${i.rejected}${applyNote(i.apply)}${i.error ? ` — ${i.errorReason && lang !== 'en' ? formatReason(i.errorReason, lang, i.error) : i.error}` : ''}`)
        return { json: history, text: text.join('\n') || 'no imports yet' }
      })
    })
}

async function importFile(db: Database, kind: ImportKind, file: string, options: KindOptions & { lang: Language }) {
  // This process has just opened the database: imports left running by a stopped one are marked.
  await recoverInterruptedImports(db, { now: new Date(), atStart: true })
  const mapping = options.mapping ? await readMapping(options.mapping) : undefined
  const encoding = options.encoding ? normalizeEncoding(options.encoding) : undefined
  const actor = cliActor()
  const outcome = await runImport(db, {
    kind,
    path: resolve(file),
    fileName: basename(file),
    dryRun: Boolean(options.dryRun),
    mapping,
    encoding,
    program: options.program,
    user: actor,
    today: await today(db),
    onProgress: progressLine(basename(file), options.progressLines),
  })
  endProgress()
  // The API records an import when it accepts the upload (import-upload.ts); the CLI, once it ran.
  await recordAuditEvent(db.kysely, actor, {
    action: 'import.create', entity: 'import', entityId: String(outcome.id),
    details: {
      kind, fileName: basename(file), dryRun: Boolean(options.dryRun), status: outcome.status, loaded: outcome.loaded, rejected: outcome.rejected,
      ...(options.program !== undefined && { program: options.program }),
    },
  })
  if (outcome.status === 'failed') throw new DomainError('import_failed', `${basename(file)}: ${outcome.error}`, outcome.errorReason ?? reason('import.failed', { detail: outcome.error ?? '' }))
  if (!options.dryRun) await refreshSelectionProfile(db, outcome.loaded)
  const rejections = await printedRejections(db, outcome.id, { withFile: false, lang: options.lang })
  const likely = outcome.likelyDuplicates
  const attribution = outcome.attribution
  const json = {
    id: outcome.id, dryRun: Boolean(options.dryRun), loaded: outcome.loaded, rejected: outcome.rejected, rejections,
    ...(likely && { likelyDuplicates: likely }), ...(attribution && { attribution }),
  }
  const attributed = attribution && `events: ${attribution.attributed} attributed to programs, ${attribution.unattributed} kept unattributed`
  return { json, text: [summary(outcome, Boolean(options.dryRun)), ...(attributed ? [attributed] : []), ...rejectionLines(rejections), ...likelyDuplicateLines(likely)].join('\n') }
}

async function importComplaints(db: Database, file: string, options: { format: string; dryRun?: boolean; lang: Language }) {
  await recoverInterruptedImports(db, { now: new Date(), atStart: true })
  const dryRun = Boolean(options.dryRun)
  const outcome = await loadComplaintFile(db, {
    path: resolve(file), fileName: basename(file), format: options.format, dryRun, user: cliActor(), onProgress: progressLine(basename(file)),
  })
  endProgress()
  const rejections = await printedRejections(db, outcome.id, { withFile: false, lang: options.lang })
  const json = { ...complaintFileJson(outcome, dryRun), rejections }
  const products = Object.entries(outcome.byProduct).sort((a, b) => b[1] - a[1]).map(([product, n]) => `  ${product}: ${n}`)
  const added = dryRun ? [] : [`${outcome.added} of them new, the rest already stored (updated)`]
  return { json, text: [summary(outcome, dryRun), ...added, ...products, ...rejectionLines(rejections)].join('\n') }
}

const mappingSchema = z.record(z.string(), z.string())

async function readMapping(path: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('invalid_input', `cannot read the mapping file ${path}`, reason('cli.file_unreadable', { path, detail }))
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new DomainError('invalid_input', `the mapping file ${path} is not JSON`, reason('cli.file_not_json', { path }))
  }
  const mapping = mappingSchema.safeParse(parsed)
  if (!mapping.success) throw new DomainError('invalid_input', `the mapping file ${path} must be an object {"field": "header"}`, reason('cli.mapping_not_object', { path }))
  return mapping.data
}

/** `reason` in the language of --lang; `reasons` the same as codes, for scripts (--json). */
async function printedRejections(db: Database, importId: number, { withFile, lang }: { withFile: boolean; lang: Language }) {
  const rows = await listImportRejections(db.kysely, { importId, limit: PRINTED_REJECTIONS })
  return rows.map((r) => {
    const described = { line: r.line, reason: describeReasons(r.reasons, lang, r.reason), reasons: r.reasons }
    return withFile ? { file: r.file, ...described } : described
  })
}

function summary(outcome: ImportOutcome, dryRun: boolean): string {
  return dryRun
    ? `Dry run #${outcome.id}: ${outcome.loaded} rows would load, ${outcome.rejected} rejected; nothing was changed`
    : `Import #${outcome.id}: loaded ${outcome.loaded} rows, rejected ${outcome.rejected}`
}

/** How the apply went, when another import got in the way: applies run one at a time. */
function applyNote(apply: { updatedInstead: number } | null): string {
  if (!apply || apply.updatedInstead === 0) return ''
  return ` (applied after another import: ${apply.updatedInstead} rows it had created were updated)`
}

/** Loaded all the same: only the bank can tell a duplicate from namesakes. */
function likelyDuplicateLines(likely: ImportOutcome['likelyDuplicates']): string[] {
  if (!likely || likely.count === 0) return []
  return [
    `${likely.count} rows look like a client under another bank id (same full name, birth date and phone):`,
    ...likely.items.map((d) => `  line ${d.line} (bank id ${d.bankId}): ${'line' in d.sameAs ? `as line ${d.sameAs.line} of the file` : `as the stored client ${d.sameAs.bankId}`}`),
  ]
}

function rejectionLines(rejections: { file?: string | null; line: number; reason: string }[]): string[] {
  return rejections.map((r) => `  ${r.file ? `${r.file} ` : ''}line ${r.line}: ${r.reason}`)
}

/** Selections count from the profile: update the touched clients' rows once rows were loaded (docs/architecture.md). */
async function refreshSelectionProfile(db: Database, loaded: number): Promise<void> {
  if (loaded === 0) return
  if (process.stderr.isTTY) process.stderr.write('Refreshing the selection profile…\n')
  await updateProfile(db.kysely, { today: await today(db) })
}


/**
 * Progress on stderr, to a terminal (or, with OTKLIK_PROGRESS=1, to a log or a script waiting for
 * it, one line each): stdout stays clean for --json.
 */
function progressLine(label: string, lines = false): (progress: ImportProgressReport) => void {
  if (lines && !process.stderr.isTTY) {
    return (p) => process.stderr.write(`${label}: ${p.rowsRead} rows read, ${p.rejected} rejected\n`)
  }
  return (p) => {
    if (!process.stderr.isTTY) return
    const share = p.bytesTotal > 0 ? ` (${Math.round((100 * p.bytesRead) / p.bytesTotal)}%)` : ''
    process.stderr.write(`\r${label}: ${p.rowsRead.toLocaleString('en')} rows read${share}, ${p.rejected.toLocaleString('en')} rejected `)
  }
}

function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\n')
}
