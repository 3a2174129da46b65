import type { ItTaskKind, ItTaskStatus } from '../../contract/it-task-statuses.ts'

// The analyst's demo tasks for IT: some done, some in work, one past its date. Days are relative
// to the demo's today; `selection` names a demo selection by its name when the task concerns one.

export type DemoItTask = {
  title: string
  description: string
  kind: ItTaskKind
  clientCount: number | null
  fields: string[]
  owner: string | null
  dueInDays: number | null
  createdDaysAgo: number
  moves: readonly ItTaskStatus[]
  comments: readonly { by: 'analyst' | 'admin'; text: string }[]
}

export const DEMO_IT_TASKS: readonly DemoItTask[] = [
  { title: 'Добавить поле «Зарплатный проект» (ИНН работодателя)', description: 'Для программ кросс-продаж зарплатным клиентам нужен работодатель клиента из процессинга зарплатных проектов.', kind: 'new_field', clientCount: null, fields: ['employer_inn', 'salary_project_id'], owner: 'ДИТ, хранилище данных', dueInDays: 21, createdDaysAgo: 12, moves: ['in_progress'], comments: [{ by: 'admin', text: 'Поле есть в АБС, добавим в ежедневную выгрузку со следующего релиза.' }] },
  { title: 'Исправить телефоны в формате 8 (XXX) без кода страны', description: 'Часть телефонов из филиальной АБС приходит без кода страны и не сопоставляется при загрузке звонков.', kind: 'data_fix', clientCount: 1840, fields: ['phone'], owner: 'ДИТ, интеграция', dueInDays: -9, createdDaysAgo: 40, moves: ['in_progress'], comments: [{ by: 'analyst', text: 'Пример: клиент C-0000123, телефон 8 912 345-67-89.' }, { by: 'admin', text: 'Нашли причину в маппинге, исправление на тесте.' }] },
  { title: 'Выгрузка клиентов с вкладами, истекающими в следующем квартале', description: 'Для программы удержания: клиент, вклад, дата окончания, остаток.', kind: 'extract', clientCount: null, fields: ['bank_id', 'product_code', 'closed_at', 'balance'], owner: 'ДИТ, отчётность', dueInDays: -30, createdDaysAgo: 60, moves: ['in_progress', 'done'], comments: [{ by: 'admin', text: 'Выгрузка в общей папке отдела.' }] },
  { title: 'Даты рождения 1900-01-01 у клиентов из старой системы', description: 'Заглушка вместо неизвестной даты портит возраст в выборках.', kind: 'data_fix', clientCount: 312, fields: ['birth_date'], owner: null, dueInDays: -2, createdDaysAgo: 6, moves: [], comments: [] },
  { title: 'Признак «Получает пенсию в банке»', description: 'Нужен для пенсионных программ; сейчас выводим из поступлений вручную.', kind: 'new_field', clientCount: null, fields: ['pension_recipient'], owner: 'ДИТ, хранилище данных', dueInDays: 45, createdDaysAgo: 3, moves: [], comments: [] },
  { title: 'Выгрузка обращений колл-центра за год', description: 'Отменено: данные приходят импортом звонков.', kind: 'extract', clientCount: null, fields: [], owner: 'ДИТ, отчётность', dueInDays: null, createdDaysAgo: 90, moves: ['cancelled'], comments: [] },
]
