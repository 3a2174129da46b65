// A statement the database refused because of the data in it — a value it cannot store (class 22),
// a constraint (class 23) or a trigger's RAISE (P0) — as opposed to a lost connection, a deadlock or
// a bug in our SQL, which say nothing about the row and must fail the import instead.
const ROW_CLASSES = ['22', '23', 'P0']

/** The database's message when `error` is a refusal of the data, else undefined. */
export function databaseRefusal(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code !== 'string' || code.length !== 5 || !ROW_CLASSES.includes(code.slice(0, 2))) return undefined
  return typeof message === 'string' ? message : code
}
