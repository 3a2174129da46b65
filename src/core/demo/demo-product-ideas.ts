import type { ProductIdeaStatus } from '../../contract/product-idea-statuses.ts'
import type { ProductType } from '../../contract/product-types.ts'

// The demo bank's board of product ideas: each gathers the requests of its templates
// (demo-client-requests.ts `idea`) and has come as far as `moves` took it.

export type DemoProductIdea = { key: string; title: string; description: string; productType: ProductType | null; moves: readonly ProductIdeaStatus[] }

export const DEMO_PRODUCT_IDEAS: readonly DemoProductIdea[] = [
  { key: 'CNY_DEPOSIT', title: 'Вклад и накопительный счёт в юанях', description: 'Клиенты с валютными сбережениями уходят в банки, где есть юань. Нужны ставки казначейства и лимит открытой позиции.', productType: 'term_deposit', moves: ['studying', 'proposed'] },
  { key: 'CASHBACK_CATEGORIES', title: 'Выбор категорий кэшбэка', description: 'Массовый сегмент сравнивает карты по кэшбэку; выбор 3 категорий в месяц из приложения.', productType: 'debit_card', moves: ['studying'] },
  { key: 'FLEX_DEPOSIT', title: 'Вклад с пополнением и частичным снятием', description: 'Короткий гибкий вклад к концу года, когда клиенты получают премии.', productType: 'term_deposit', moves: ['studying', 'proposed', 'accepted'] },
  { key: 'FREE_PACKAGE', title: 'Бесплатный пакет при зарплатной карте', description: 'Плата за обслуживание — частая причина ухода; обслуживание бесплатно при поступлении зарплаты.', productType: 'current_account', moves: [] },
  { key: 'APP_AUTOPAY', title: 'Автоплатежи ЖКУ по расписанию', description: 'Платежи по расписанию в мобильном приложении.', productType: 'remote_banking', moves: [] },
  { key: 'TRAVEL_CARD', title: 'Карта для поездок', description: 'Карта, работающая за границей; требует партнёрства с платёжной системой.', productType: 'debit_card', moves: ['studying', 'rejected'] },
  { key: 'KIDS_CARD', title: 'Детская карта', description: '', productType: 'debit_card', moves: [] },
  { key: 'HOUSE_MORTGAGE', title: 'Ипотека на строительство дома', description: 'Спрос весной; риски оценки объекта незавершённого строительства.', productType: 'mortgage', moves: ['studying'] },
  { key: 'OFZ_ACCESS', title: 'ОФЗ для клиентов премиального сегмента', description: '', productType: 'investment', moves: [] },
  { key: 'SAFE_BOX', title: 'Банковские ячейки в крупных ЦБУ', description: '', productType: null, moves: ['rejected'] },
]
