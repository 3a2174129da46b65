// Cyrillic to Latin letters as Russian passports spell names (ICAO 9303 style), for demo e-mails.
const LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
}

/** Lower-case Latin spelling of a Cyrillic word; other characters pass through lower-cased. */
export function transliterate(text: string): string {
  let result = ''
  for (const char of text.toLowerCase()) result += LATIN[char] ?? char
  return result
}
