import { Button, Group, Select, TextInput } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CLIENT_STATUSES, SEGMENTS, type ClientFilters } from './client-types.ts'
import { useBranches } from './useBranches.ts'

export function ClientSearchBar({ filters, onChange }: { filters: ClientFilters; onChange: (change: Partial<ClientFilters>) => void }) {
  const { t } = useTranslation()
  const branches = useBranches()
  const [q, setQ] = useState(filters.q)
  // Back and Forward change the address, and with it the search shown in the box.
  useEffect(() => {
    setQ(filters.q)
  }, [filters.q])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onChange({ q })
  }
  const anyFilter = Boolean(filters.q || filters.branch || filters.segment || filters.status || filters.vip)
  return (
    <form onSubmit={submit} role="search">
      <Group gap="xs" align="flex-end" mb="xs" wrap="wrap">
        <TextInput
          w={280}
          label={t('clients.search.label')}
          placeholder={t('clients.search.placeholder')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          name="q"
          autoFocus
          data-testid="client-search"
        />
        <Button type="submit">{t('clients.search.submit')}</Button>
        <Select
          w={190}
          label={t('clients.filters.branch')}
          placeholder={t('common.all')}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          data={(branches.data?.items ?? []).map((branch) => ({ value: branch.code, label: `${branch.name} (${branch.code})` }))}
          value={filters.branch || null}
          onChange={(value) => onChange({ branch: value ?? '' })}
        />
        <Select
          w={140}
          label={t('clients.filters.segment')}
          placeholder={t('common.all')}
          clearable
          data={SEGMENTS.map((segment) => ({ value: segment, label: t(`segments.${segment}`) }))}
          value={filters.segment || null}
          onChange={(value) => onChange({ segment: value ?? '' })}
        />
        <Select
          w={120}
          label={t('clients.filters.status')}
          placeholder={t('common.all')}
          clearable
          data={CLIENT_STATUSES.map((status) => ({ value: status, label: t(`clientStatuses.${status}`) }))}
          value={filters.status || null}
          onChange={(value) => onChange({ status: value ?? '' })}
        />
        <Select
          w={105}
          label={t('clients.filters.vip')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('clients.filters.vipOnly') },
            { value: 'false', label: t('clients.filters.vipNot') },
          ]}
          value={filters.vip || null}
          onChange={(value) => onChange({ vip: value ?? '' })}
        />
        {anyFilter && (
          <Button variant="subtle" color="gray" onClick={() => onChange({ q: '', branch: '', segment: '', status: '', vip: '' })}>
            {t('clients.filters.reset')}
          </Button>
        )}
      </Group>
    </form>
  )
}
