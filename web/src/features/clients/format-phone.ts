/** Digits as stored (79123456789) read as +7 912 345-67-89; anything else (masked, foreign) as given. */
export function formatPhone(value: string | null): string {
  if (!value) return '—'
  const digits = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(value)
  return digits ? `+7 ${digits[1]} ${digits[2]}-${digits[3]}-${digits[4]}` : value
}

/** The API masks what the role may not see with asterisks (src/core/mask-personal-data.ts). */
export function isMasked(value: string | null): boolean {
  return value !== null && value.includes('*')
}
