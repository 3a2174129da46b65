// PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one fails the whole
// statement. Input from outside is searched before it goes anywhere near the database.

/** The path (`login`, `rule.all[0].value`, `mapping["x"]`) of the first string holding NUL, if any. */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path || '(value)' : undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    const keyPath = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`
    if (key.includes('\0')) return keyPath
    const found = findNulCharacter(item, keyPath)
    if (found) return found
  }
  return undefined
}
