import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

// A client file for benchmarks: realistic Russian names, addresses and phones, deterministic.
// Values are in the forms PostgreSQL COPY reads as they are (ISO dates, dot decimals), so that the
// same file serves Otklik's import and the COPY baseline.

export const BENCH_CLIENT_COLUMNS = [
  'bank_id', 'full_name', 'birth_date', 'gender', 'phone', 'email', 'address', 'client_since', 'monthly_income', 'segment', 'vip', 'status',
] as const

const LAST = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков']
const FIRST_M = ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Максим', 'Иван', 'Евгений']
const FIRST_F = ['Елена', 'Ольга', 'Наталья', 'Анна', 'Мария', 'Татьяна', 'Ирина', 'Светлана']
const PATRONYMIC = ['Александров', 'Сергеев', 'Дмитриев', 'Андреев', 'Иванов', 'Петров', 'Николаев', 'Владимиров']
const STREETS = ['Ленина', 'Мира', 'Садовая', 'Гагарина', 'Советская', 'Молодёжная', 'Школьная', 'Лесная']
const CITIES = ['Москва', 'Екатеринбург', 'Новосибирск', 'Казань', 'Самара', 'Пермь']
const SEGMENTS = ['mass', 'mass', 'mass', 'mass_affluent', 'premium']

/** Writes n clients (bank ids BENCH-1 … BENCH-n) as UTF-8 CSV with a header; returns the byte size. */
export async function writeBenchClients(path: string, n: number, seed = 1): Promise<number> {
  const out = createWriteStream(path)
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state
  }
  const pick = <T>(list: readonly T[]) => list[next() % list.length]
  let bytes = 0
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(`${BENCH_CLIENT_COLUMNS.join(',')}\n`)
  let batch = ''
  for (let i = 1; i <= n; i++) {
    const female = next() % 2 === 0
    const last = pick(LAST) + (female ? 'а' : '')
    const name = `${last} ${pick(female ? FIRST_F : FIRST_M)} ${pick(PATRONYMIC)}${female ? 'на' : 'ич'}`
    const birth = `${1940 + (next() % 65)}-${pad(1 + (next() % 12))}-${pad(1 + (next() % 28))}`
    const since = `${2000 + (next() % 24)}-${pad(1 + (next() % 12))}-${pad(1 + (next() % 28))}`
    const phone = `+7 9${pad(next() % 100)} ${pad3(next() % 1000)}-${pad(next() % 100)}-${pad(next() % 100)}`
    const address = `"г. ${pick(CITIES)}, ул. ${pick(STREETS)}, д. ${1 + (next() % 150)}, кв. ${1 + (next() % 300)}"`
    const income = `${20000 + (next() % 400000)}.${pad(next() % 100)}`
    batch += `BENCH-${i},${name},${birth},${female ? 'F' : 'M'},${phone},client${i}@mail.example,${address},${since},${income},${pick(SEGMENTS)},${next() % 50 === 0},active\n`
    if (i % 10_000 === 0) {
      await write(batch)
      batch = ''
    }
  }
  await write(batch)
  out.end()
  await once(out, 'finish')
  return bytes
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function pad3(n: number): string {
  return String(n).padStart(3, '0')
}
