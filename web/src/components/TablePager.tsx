import { Group, Loader, Pagination, Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../i18n/useFormatters.ts'

export type TablePagerProps = {
  total: number | undefined
  offset: number
  limit: number
  onChange: (page: { offset: number; limit: number }) => void
  fetching?: boolean
  pageSizes?: number[]
  /** How far the role may page (the list says, from core/client-list-bounds.ts): larger sizes and later pages are not offered. */
  bounds?: { maxLimit: number; maxDepth: number }
}

export function TablePager({ total, offset, limit, onChange, fetching, pageSizes = [25, 50, 100, 200], bounds }: TablePagerProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const sizes = bounds ? pageSizes.filter((size) => size <= bounds.maxLimit) : pageSizes
  const reachable = bounds ? Math.min(total ?? 0, bounds.maxDepth) : total
  const pages = reachable ? Math.max(1, Math.ceil(reachable / limit)) : 1
  const page = Math.floor(offset / limit) + 1
  const from = total ? offset + 1 : 0
  const to = total ? Math.min(offset + limit, total) : 0
  return (
    <Group justify="space-between" py={6} px={2} gap="xs" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <Text fz="xs" c="dimmed" data-testid="pager-range">
          {total === undefined
            ? '…'
            : total === 0
              ? t('table.noRows')
              : t('table.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
        </Text>
        {fetching && <Loader size={12} />}
        {bounds && total !== undefined && total > bounds.maxDepth && (
          <Text fz="xs" c="dimmed" data-testid="pager-depth">
            {t('table.depthLimit', { max: format.number(bounds.maxDepth) })}
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text fz="xs" c="dimmed">
          {t('table.perPage')}
        </Text>
        <Select
          w={72}
          aria-label={t('table.perPage')}
          data={sizes.map(String)}
          value={String(limit)}
          allowDeselect={false}
          onChange={(value) => value && onChange({ offset: 0, limit: Number(value) })}
        />
        <Pagination
          total={pages}
          value={page}
          siblings={1}
          boundaries={1}
          onChange={(next) => onChange({ offset: (next - 1) * limit, limit })}
          getControlProps={(control) => ({ 'aria-label': t(`table.${control}`) })}
        />
      </Group>
    </Group>
  )
}
