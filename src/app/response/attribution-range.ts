/**
 * Client ids per range: on PGlite's one connection a range is a statement other requests wait
 * behind, so it stays small there; a server's other connections carry on, and fewer, larger
 * ranges cost less.
 */
export function attributionRange(kind: 'pglite' | 'postgres'): number {
  return kind === 'pglite' ? 10_000 : 50_000
}
