import { readFile } from 'node:fs/promises'
import { reason, type Reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'

/** What a JSON file given to a command holds: its name in the messages and its reasons. */
const KINDS = {
  rule: {
    name: 'rule file',
    unreadable: (path: string, detail: string): Reason => reason('cli.file_unreadable', { path, detail }),
    notJson: (path: string): Reason => reason('cli.file_not_json', { path }),
  },
  business_case: {
    name: 'business-case file',
    unreadable: (path: string, detail: string): Reason => reason('cli.case_file_unreadable', { path, detail }),
    notJson: (path: string): Reason => reason('cli.case_file_not_json', { path }),
  },
} as const

export type JsonFileKind = keyof typeof KINDS

/** Reads JSON from a file; a missing file or bad JSON is bad input (exit 2), named by what the file is for. */
export async function readJsonFile(path: string, kind: JsonFileKind): Promise<unknown> {
  const { name, unreadable, notJson } = KINDS[kind]
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('invalid_input', `cannot read the ${name} ${path}: ${detail}`, unreadable(path, detail))
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new DomainError('invalid_input', `the ${name} ${path} is not JSON: ${(error as Error).message}`, notJson(path))
  }
}
