import { readFile } from 'node:fs/promises'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'

/** Reads a rule (JSON) from a file; a missing file or bad JSON is bad input (exit 2). */
export async function readRuleFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('invalid_input', `cannot read the rule file ${path}: ${detail}`, reason('cli.file_unreadable', { path, detail }))
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new DomainError('invalid_input', `the rule file ${path} is not JSON: ${(error as Error).message}`, reason('cli.file_not_json', { path }))
  }
}
