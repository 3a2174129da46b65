/** A handle time as m:ss (4:05), or h:mm:ss from an hour; tenths of a second are dropped. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—'
  const whole = Math.round(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
