import { ActionIcon, Group, NumberInput, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCallOperators } from './useCallCentre.ts'

export type OperatorShare = { login: string; capacity: number | '' }

/** A capacity that is not a whole number of clients from 1: the words naming the operator, or null. */
export function capacityError(share: OperatorShare, name: string, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  return share.capacity === '' || !Number.isInteger(share.capacity) || share.capacity < 1 ? t('calls.list.capacityInvalid', { name }) : null
}

/** Whom the list is dealt to: operators picked by name, each with how many clients they take. */
export function CallOperatorsPicker({ value, onChange }: { value: OperatorShare[]; onChange: (value: OperatorShare[]) => void }) {
  const { t } = useTranslation()
  const operators = useCallOperators()
  const names = new Map((operators.data?.items ?? []).map((o) => [o.login, o.fullName]))
  const available = (operators.data?.items ?? []).filter((o) => !value.some((v) => v.login === o.login))
  const set = (login: string, capacity: number | '') => onChange(value.map((v) => (v.login === login ? { login, capacity } : v)))
  return (
    <Stack gap={4} w={380} data-testid="call-operators">
      <Select
        size="xs" label={t('calls.list.operators')} placeholder={t('calls.list.pickOperator')} searchable value={null}
        nothingFoundMessage={t('common.nothingFound')} data-testid="call-operator-pick"
        data={available.map((o) => ({ value: o.login, label: o.fullName }))}
        onChange={(login) => login && onChange([...value, { login, capacity: 20 }])}
      />
      {value.length === 0 && <Text fz="xs" c="dimmed">{t('calls.list.noOperators')}</Text>}
      {value.map((share) => {
        const name = names.get(share.login) ?? share.login
        return (
          <Group key={share.login} gap="xs" wrap="nowrap" align="flex-start" data-testid={`call-operator-${share.login}`}>
            <Text fz="xs" w={200} pt={6} truncate>{name}</Text>
            <NumberInput
              size="xs" w={110} min={1} max={100_000} allowDecimal={false} aria-label={t('calls.list.capacity', { name })} suffix={` ${t('calls.list.clientsShort')}`}
              value={share.capacity} onChange={(next) => set(share.login, typeof next === 'number' ? next : '')} error={capacityError(share, name, t)}
            />
            <ActionIcon size="sm" variant="subtle" color="gray" mt={4} aria-label={t('calls.list.removeOperator', { name })} onClick={() => onChange(value.filter((v) => v.login !== share.login))}>
              ×
            </ActionIcon>
          </Group>
        )
      })}
    </Stack>
  )
}
