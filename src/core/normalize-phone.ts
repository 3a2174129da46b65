// Russian phone numbers arrive in every format: `8 (912) 345-67-89`, `+7 912 3456789`, `9123456789`.
// Stored and searched as 11 digits starting with 7 (79123456789). Returns undefined when the text
// cannot be a Russian phone number; other countries' numbers (+ and 11–15 digits) are kept as digits.
export function normalizePhone(text: string): string | undefined {
  const trimmed = text.trim()
  if (!/^[+\d\s()\-.]+$/.test(trimmed)) return undefined
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return `7${digits.slice(1)}`
  if (trimmed.startsWith('+') && digits.length >= 11 && digits.length <= 15) return digits
  return undefined
}
