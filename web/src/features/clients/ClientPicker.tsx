import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { ClientList } from './client-types.ts'

/**
 * A client chosen by searching the base (GET /api/clients?q=, the same search, scope and masking as
 * the clients page) by name, bank id, phone or e-mail: the first ten matches, each with its bank id
 * and branch so two namesakes can be told apart.
 */
export function ClientPicker({ value, onChange, label, testId }: { value: number | null; onChange: (id: number | null) => void; label: string; testId?: string }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  // The chosen client stays an option: once picked, the search box shows its label, which is no search.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null)
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const query = picked && search === picked.label ? '' : debounced
  const clients = useQuery({
    queryKey: ['client-picker', query],
    enabled: query.length >= 2,
    queryFn: ({ signal }) => apiFetch<ClientList>(`/api/clients${toQuery({ q: query, limit: 10 })}`, { signal }),
    placeholderData: keepPreviousData,
  })
  const found = (query.length >= 2 ? (clients.data?.items ?? []) : []).map((c) => ({
    value: String(c.id),
    label: `${c.fullName} · ${c.bankId}${c.branchName ? ` · ${c.branchName}` : ''}`,
  }))
  const data = picked && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found
  return (
    <Select
      size="xs"
      w={340}
      label={label}
      placeholder={t('clientPicker.placeholder')}
      searchable
      clearable
      data={data}
      value={value === null ? null : String(value)}
      onChange={(id, option) => {
        setPicked(id === null || !option ? null : { value: id, label: option.label })
        onChange(id === null ? null : Number(id))
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already (by name, id, phone, e-mail): every match it gave is shown.
      filter={({ options }) => options}
      nothingFoundMessage={query.length >= 2 && !clients.isFetching ? t('clientPicker.nothingFound') : t('clientPicker.typeMore')}
      data-testid={testId}
    />
  )
}
