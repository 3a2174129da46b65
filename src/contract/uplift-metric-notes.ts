import type { Language } from './language.ts'

/**
 * What the uplift-model metrics mean, one line each, for the screens that show them and the CLI:
 * the raw Qini (qini_raw), the normalised Qini coefficient and AUUC (scikit-uplift's), and why a
 * Qini can be below zero.
 */
export type UpliftMetricNotes = { raw: string; normalised: string; negative: string }

export const UPLIFT_METRIC_NOTES: Record<Language, UpliftMetricNotes> = {
  en: {
    raw: 'Qini in responders: the area between the model’s Qini curve and the random line, in incremental responders — how many more responders targeting by the score brings than targeting at random, on average over every cut-off.',
    normalised: 'Qini coefficient and AUUC, normalised as scikit-uplift does: the model’s area above the random line over that of a perfect model, which ranks first everyone the contact persuaded — 1 is perfect, 0 is no better than random.',
    negative: 'A Qini below zero means the score ranks worse than random: the clients it puts first respond to the contact less than the average client, and some may be put off by it.',
  },
  ru: {
    raw: 'Qini в откликах: площадь между кривой Qini модели и линией случайного отбора, в дополнительных откликах — на сколько больше откликов приносит отбор по скору, чем случайный, в среднем по всем порогам отсечения.',
    normalised: 'Коэффициент Qini и AUUC, нормированные как в scikit-uplift: площадь модели над линией случайного отбора, делённая на ту же площадь идеальной модели, которая ставит первыми всех, кого убедил контакт; 1 — идеально, 0 — не лучше случайного отбора.',
    negative: 'Отрицательный Qini значит, что скор ранжирует хуже случайного: клиенты, которых он ставит первыми, откликаются на контакт меньше среднего клиента, а кого-то контакт даже отталкивает.',
  },
}
