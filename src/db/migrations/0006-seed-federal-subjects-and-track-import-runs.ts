import { sql, type Kysely } from 'kysely'

// The federal subjects of Russia with their official codes (the two-digit codes of the tax
// service, which the demo bank and most bank exports use), present in every new database: without
// them a fresh database rejects every client row that names a region. Names are the
// Constitution's (article 65), offsets the subjects' standard time (a subject spanning zones takes
// its capital's). The four subjects added in 2022 (codes 90, 93, 94, 95) are the bank's choice:
// load them with `otklik import regions docs/regions-2022.csv`.
// Frozen here on purpose: a migration never changes once landed, even if the list elsewhere does.
const FEDERAL_SUBJECTS: readonly (readonly [string, string, number])[] = [
  ['01', 'Республика Адыгея', 3], ['02', 'Республика Башкортостан', 5], ['03', 'Республика Бурятия', 8],
  ['04', 'Республика Алтай', 7], ['05', 'Республика Дагестан', 3], ['06', 'Республика Ингушетия', 3],
  ['07', 'Кабардино-Балкарская Республика', 3], ['08', 'Республика Калмыкия', 3], ['09', 'Карачаево-Черкесская Республика', 3],
  ['10', 'Республика Карелия', 3], ['11', 'Республика Коми', 3], ['12', 'Республика Марий Эл', 3],
  ['13', 'Республика Мордовия', 3], ['14', 'Республика Саха (Якутия)', 9], ['15', 'Республика Северная Осетия — Алания', 3],
  ['16', 'Республика Татарстан', 3], ['17', 'Республика Тыва', 7], ['18', 'Удмуртская Республика', 4],
  ['19', 'Республика Хакасия', 7], ['20', 'Чеченская Республика', 3], ['21', 'Чувашская Республика — Чувашия', 3],
  ['22', 'Алтайский край', 7], ['23', 'Краснодарский край', 3], ['24', 'Красноярский край', 7],
  ['25', 'Приморский край', 10], ['26', 'Ставропольский край', 3], ['27', 'Хабаровский край', 10],
  ['28', 'Амурская область', 9], ['29', 'Архангельская область', 3], ['30', 'Астраханская область', 4],
  ['31', 'Белгородская область', 3], ['32', 'Брянская область', 3], ['33', 'Владимирская область', 3],
  ['34', 'Волгоградская область', 3], ['35', 'Вологодская область', 3], ['36', 'Воронежская область', 3],
  ['37', 'Ивановская область', 3], ['38', 'Иркутская область', 8], ['39', 'Калининградская область', 2],
  ['40', 'Калужская область', 3], ['41', 'Камчатский край', 12], ['42', 'Кемеровская область — Кузбасс', 7],
  ['43', 'Кировская область', 3], ['44', 'Костромская область', 3], ['45', 'Курганская область', 5],
  ['46', 'Курская область', 3], ['47', 'Ленинградская область', 3], ['48', 'Липецкая область', 3],
  ['49', 'Магаданская область', 11], ['50', 'Московская область', 3], ['51', 'Мурманская область', 3],
  ['52', 'Нижегородская область', 3], ['53', 'Новгородская область', 3], ['54', 'Новосибирская область', 7],
  ['55', 'Омская область', 6], ['56', 'Оренбургская область', 5], ['57', 'Орловская область', 3],
  ['58', 'Пензенская область', 3], ['59', 'Пермский край', 5], ['60', 'Псковская область', 3],
  ['61', 'Ростовская область', 3], ['62', 'Рязанская область', 3], ['63', 'Самарская область', 4],
  ['64', 'Саратовская область', 4], ['65', 'Сахалинская область', 11], ['66', 'Свердловская область', 5],
  ['67', 'Смоленская область', 3], ['68', 'Тамбовская область', 3], ['69', 'Тверская область', 3],
  ['70', 'Томская область', 7], ['71', 'Тульская область', 3], ['72', 'Тюменская область', 5],
  ['73', 'Ульяновская область', 4], ['74', 'Челябинская область', 5], ['75', 'Забайкальский край', 9],
  ['76', 'Ярославская область', 3], ['77', 'Москва', 3], ['78', 'Санкт-Петербург', 3],
  ['79', 'Еврейская автономная область', 10], ['83', 'Ненецкий автономный округ', 3],
  ['86', 'Ханты-Мансийский автономный округ — Югра', 5], ['87', 'Чукотский автономный округ', 12],
  ['89', 'Ямало-Ненецкий автономный округ', 5], ['91', 'Республика Крым', 3], ['92', 'Севастополь', 3],
]

export async function up(db: Kysely<unknown>): Promise<void> {
  // A region a bank already loaded under one of these codes keeps its name and offset.
  for (const [code, name, utcOffset] of FEDERAL_SUBJECTS) {
    await sql`INSERT INTO regions (code, name, utc_offset) VALUES (${code}, ${name}, ${utcOffset}) ON CONFLICT (code) DO NOTHING`.execute(db)
  }
  await sql`
    -- interrupted: the process running the import stopped (crash, kill, restart) before it finished.
    ALTER TABLE imports DROP CONSTRAINT imports_status_check;
    ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (status IN ('running','done','failed','interrupted'));
    ALTER TABLE imports
      -- The process running the import ("pid 4242 on host-1"), and its last sign of life.
      ADD COLUMN owner text,
      ADD COLUMN heartbeat_at timestamptz,
      -- How the apply went: {"serialised": true, "waitedMs": 120, "updatedInstead": 3}.
      ADD COLUMN apply_details jsonb,
      -- Rows that look like a client under another bank id (same name, birth date and phone):
      -- {"count": n, "items": [{"line": 5, "bankId": "A2", "sameAs": {"line": 2} | {"bankId": "A1"}}, …]}.
      ADD COLUMN likely_duplicates jsonb;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE imports DROP COLUMN owner, DROP COLUMN heartbeat_at, DROP COLUMN apply_details, DROP COLUMN likely_duplicates;
    UPDATE imports SET status = 'failed' WHERE status = 'interrupted';
    ALTER TABLE imports DROP CONSTRAINT imports_status_check;
    ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (status IN ('running','done','failed'));
  `.execute(db)
  // The seeded regions stay: clients may refer to them.
}
