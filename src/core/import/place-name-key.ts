// Regions and branches arrive written the way people write them: «Новосибирская обл.»,
// «г. Москва», «Респ. Татарстан», «Ханты-Мансийский АО — Югра», «ЦБУ „Уральский“», «Доп. офис
// № 5». A name is reduced to the words that tell it apart: lower case, ё as е, punctuation and
// quotes dropped, the standard abbreviations expanded and the words that only say what kind of
// place it is (область, город, республика, край, автономный округ; отделение, офис…) left out.

export type PlaceKind = 'region' | 'branch'

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  обл: 'область',
  респ: 'республика',
  р: 'республика',
  г: 'город',
  гор: 'город',
  кр: 'край',
  ао: 'автономный округ',
  аобл: 'автономная область',
  авт: 'автономный',
  автон: 'автономный',
  окр: 'округ',
  фед: 'федерального',
  зн: 'значения',
  отд: 'отделение',
  оф: 'офис',
  доп: 'дополнительный',
  фил: 'филиал',
  оо: 'операционный офис',
  до: 'дополнительный офис',
}

const TYPE_WORDS: Readonly<Record<PlaceKind, ReadonlySet<string>>> = {
  region: new Set(['область', 'республика', 'город', 'край', 'автономный', 'автономная', 'округ', 'федерального', 'значения',
    'российская', 'федерация', 'рф', 'россия']),
  branch: new Set(['город', 'отделение', 'офис', 'дополнительный', 'операционный', 'филиал', 'цбу', 'центр', 'банковского',
    'обслуживания', 'банка', 'банк', 'кко', 'кредитно', 'кассовый', '№', 'n']),
}

/** The words that tell a region or branch apart, in order, joined by single spaces ('' when none are left). */
export function placeNameKey(text: string, kind: PlaceKind): string {
  const words = text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[«»„“”"'()[\].,;:/\\–—-]+/g, ' ')
    .replace(/№/g, ' № ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' '))
  const types = TYPE_WORDS[kind]
  return words.filter((w) => !types.has(w)).join(' ')
}
