import type { Language } from './language.ts'

// The words the CLI writes for a program's codes (`otklik program … --lang ru`): its statuses,
// goals, the pre-launch checklist's items and the roles that may move it. The same words as the
// web's (web/src/i18n/{ru,en}.json: programs.statuses, programs.goals, programs.checklist, roles),
// held equal by test/program-words.test.ts.
export const PROGRAM_WORDS = {
  ru: {
    statuses: {
      draft: 'Черновик',
      proposed: 'На утверждении',
      approved: 'Утверждена',
      pilot: 'Пилот',
      evaluated: 'Пилот оценён',
      rollout: 'Тиражирование',
      closed: 'Закрыта',
      cancelled: 'Отменена',
    },
    checklist: {
      wave_previewed: 'Пилотная волна построена, воронка политики просмотрена',
      control_share: 'Доля контроля задана',
      pilot_size: 'Размер пилота задан',
      channel: 'Канал выбран',
      dates: 'Плановые даты заданы',
    },
    roles: {
      head: 'Руководитель',
      manager: 'Менеджер',
      client_economist: 'Экономист по клиентам',
      analyst: 'Аналитик',
      program_economist: 'Экономист по программам',
      marketer: 'Маркетолог',
      operator: 'Оператор колл-центра',
      branch: 'Сотрудник ЦБУ',
      admin: 'Администратор',
      auditor: 'Аудитор',
    },
    goals: {
      acquisition: 'Привлечение',
      cross_sell: 'Кросс-продажа',
      up_sell: 'Допродажа',
      retention: 'Удержание',
      activation: 'Активация',
      win_back: 'Возврат',
      service: 'Сервис',
    },
  },
  en: {
    statuses: {
      draft: 'Draft',
      proposed: 'Proposed',
      approved: 'Approved',
      pilot: 'Pilot',
      evaluated: 'Evaluated',
      rollout: 'Rollout',
      closed: 'Closed',
      cancelled: 'Cancelled',
    },
    checklist: {
      wave_previewed: 'A pilot wave built, its policy funnel seen',
      control_share: 'Control share set',
      pilot_size: 'Pilot size set',
      channel: 'Channel chosen',
      dates: 'Planned dates set',
    },
    roles: {
      head: 'Head of department',
      manager: 'Manager',
      client_economist: 'Client economist',
      analyst: 'Analyst',
      program_economist: 'Program economist',
      marketer: 'Marketer',
      operator: 'Call-centre operator',
      branch: 'Branch staff',
      admin: 'Administrator',
      auditor: 'Auditor',
    },
    goals: {
      acquisition: 'Acquisition',
      cross_sell: 'Cross-sell',
      up_sell: 'Up-sell',
      retention: 'Retention',
      activation: 'Activation',
      win_back: 'Win-back',
      service: 'Service',
    },
  },
} as const satisfies Record<Language, Record<'statuses' | 'checklist' | 'roles' | 'goals', Record<string, string>>>

export type ProgramWordKind = keyof (typeof PROGRAM_WORDS)['ru']

/** A code in words ('approved' → «Утверждена»), or the code itself when it has none. */
export function programWord(lang: Language, kind: ProgramWordKind, code: string): string {
  return (PROGRAM_WORDS[lang][kind] as Record<string, string>)[code] ?? code
}
