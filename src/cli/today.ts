/** Today's date in UTC as 'YYYY-MM-DD': the day CLI commands evaluate rules for. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
