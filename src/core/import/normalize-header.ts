// A unit the value is already in (roubles): «Доход, руб.», «Остаток (руб)», «Balance, RUB», «Лимит ₽».
// Thousands («тыс. руб.») are not stripped: such a column is not in roubles, and must be mapped
// (and scaled) by the user rather than loaded 1,000 times too small.
const ROUBLES = /[\s,;(]*(?:в\s+)?(?:руб(?:лей|ля|\.)?|р\.|₽|rub\.?|rur|roubles|rubles)[\s).]*$/u

/**
 * A header reduced to what identifies it, so that 'Дата рождения', 'дата_рождения' and
 * ' ДАТА РОЖДЕНИЯ ' all match: lower case, ё as е, a trailing unit in roubles dropped, letters and
 * digits only.
 */
export function normalizeHeader(header: string): string {
  const lower = header.toLowerCase().replaceAll('ё', 'е')
  return lower.replace(ROUBLES, '').replace(/[^\p{L}\p{N}]+/gu, '') || lower.replace(/[^\p{L}\p{N}]+/gu, '')
}
