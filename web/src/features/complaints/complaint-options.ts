import type { TFunction } from 'i18next'
import { COMPLAINT_CATEGORIES } from '../../../../src/contract/complaint-categories.ts'
import type { ComplaintStatus } from '../../../../src/contract/complaint-statuses.ts'

/** A complaint status's colour wherever complaints are listed (the register, the complaint, the client card). */
export const COMPLAINT_STATUS_COLOR: Record<ComplaintStatus, string> = { registered: 'blue', in_progress: 'yellow', awaiting_client: 'grape', resolved: 'green', closed: 'gray' }

/** The category tree as select options: each top category followed by its leaves, indented. */
export function categoryOptions(t: TFunction): { value: string; label: string }[] {
  return COMPLAINT_CATEGORIES.filter((c) => c.parent === null).flatMap((top) => [
    { value: top.code, label: t(`complaints.categories.${top.code}`) },
    ...COMPLAINT_CATEGORIES.filter((c) => c.parent === top.code).map((leaf) => ({ value: leaf.code, label: `  · ${t(`complaints.categories.${leaf.code}`)}` })),
  ])
}

/** A category's words: a leaf with its top category ("Cards · fraud"). */
export function categoryLabel(t: TFunction, code: string): string {
  const [top, leaf] = code.split('.')
  return leaf ? `${t(`complaints.categories.${top}`)} · ${t(`complaints.categories.${code}`)}` : t(`complaints.categories.${code}`)
}
