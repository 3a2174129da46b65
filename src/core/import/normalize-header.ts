/**
 * A header reduced to what identifies it, so that 'Дата рождения', 'дата_рождения' and
 * ' ДАТА РОЖДЕНИЯ ' all match: lower case, ё as е, letters and digits only.
 */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replaceAll('ё', 'е').replace(/[^\p{L}\p{N}]+/gu, '')
}
