import { readJsonFile } from './read-json-file.ts'

/** Reads a rule (JSON) from a file; a missing file or bad JSON is bad input (exit 2). */
export function readRuleFile(path: string): Promise<unknown> {
  return readJsonFile(path, 'rule')
}
