import { readFile } from 'node:fs/promises'
import { DomainError } from '../core/domain-error.ts'

/** Reads a rule (JSON) from a file; a missing file or bad JSON is bad input (exit 2). */
export async function readRuleFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new DomainError('invalid_input', `cannot read the rule file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new DomainError('invalid_input', `the rule file ${path} is not JSON: ${(error as Error).message}`)
  }
}
