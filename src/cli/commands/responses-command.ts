import type { Command } from 'commander'
import { attributeResponses } from '../../app/response/attribute-responses.ts'
import { attributionRange } from '../../app/response/attribution-range.ts'
import { setResponseDefinition } from '../../app/response/set-response-definition.ts'
import { viewResponseDefinition, type ResponseDefinitionView } from '../../app/response/view-response-definition.ts'
import { cliActor } from '../cli-actor.ts'
import { readJsonFile } from '../read-json-file.ts'
import { runCommand } from '../run-command.ts'

type RulesOptions = { set?: string; clear?: boolean }

function definitionText(view: ResponseDefinitionView): string {
  if (!view.definition) return `program ${view.program}: no response rules — it counts only the responses recorded for it`
  const rules = view.definition.rules.map((r) => [r.type, r.productType, r.source && `from ${r.source}`, r.minValue && `≥ ${r.minValue} ₽`].filter(Boolean).join(' '))
  return `program ${view.program}: a response is ${rules.join(', or ')}; within ${view.windowDays} days of the wave; priority ${view.definition.priority}`
}

// What counts as a response for a program, and the attribution of the clients' events to programs
// (issue 9, item 2): the same use cases as PUT /api/programs/:code/response-definition and
// POST /api/responses/attribute.
export function registerResponsesCommands(program: Command): void {
  const command = program.command('responses').description('response rules of programs and the attribution of clients\' events to programs')
  command
    .command('rules')
    .description('show, set (--set FILE.json) or withdraw (--clear) what counts as a response for a program')
    .argument('<code>', 'the program code')
    .option('--set <file>', 'the definition as JSON: {"rules": [{"type": "conversion", "productType": "credit_card"}], "priority": 100}')
    .option('--clear', 'withdraw the definition: the program then takes no events')
    .action(async (code: string, options: RulesOptions, sub: Command) => {
      await runCommand(sub, async ({ db }) => {
        const actor = cliActor()
        const view = options.set !== undefined
          ? await setResponseDefinition(db.kysely, { code, definition: await readJsonFile(options.set, 'rule'), actor })
          : options.clear
            ? await setResponseDefinition(db.kysely, { code, definition: null, actor })
            : await viewResponseDefinition(db.kysely, { code })
        return { json: view, text: definitionText(view) }
      })
    })
  command
    .command('attribute')
    .description('give each client event without a program to at most one program: its rules, its window, the latest wave, then priority')
    .action(async (_options: unknown, sub: Command) => {
      await runCommand(sub, async ({ db }) => {
        const result = await attributeResponses(db.kysely, { actor: cliActor(), clientsPerRange: attributionRange(db.kind) })
        const json = { events: result.events, attributed: result.attributed, unattributed: result.unattributed, by_program: result.byProgram }
        const per = Object.entries(result.byProgram).map(([p, n]) => `${p} ${n}`).join(', ')
        return { json, text: `${result.events} events: ${result.attributed} attributed${per ? ` (${per})` : ''}, ${result.unattributed} kept unattributed` }
      })
    })
}
