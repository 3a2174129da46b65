import { Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { AUDIT_ACTIONS } from '../../../../src/contract/audit-actions.ts'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable.tsx'
import { DayInput } from '../../components/DayInput.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { AuditEvent } from './audit-types.ts'
import { describeAuditDetails } from './describe-audit-details.ts'
import { useAuditEvents, type AuditFilters } from './useAuditEvents.ts'

const column = dataColumnHelper<AuditEvent>()
const NO_FILTERS = { login: '', action: '', from: '', to: '' }

export function AuditPage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const [filters, setFilters] = useState<AuditFilters>({ ...NO_FILTERS, offset: 0, limit: 50 })
  const [draft, setDraft] = useState(NO_FILTERS)
  const events = useAuditEvents(filters)
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('at', { header: t('audit.at'), meta: { nowrap: true, width: 150 }, cell: (cell) => format.dateTime(cell.getValue()) }),
        column.accessor('login', { header: t('audit.login'), meta: { nowrap: true }, cell: (cell) => cell.getValue() ?? '—' }),
        column.accessor('action', {
          header: t('audit.action'),
          meta: { nowrap: true },
          cell: (cell) => (
            <Tooltip label={cell.getValue()} openDelay={400}>
              <span>{t(`auditActions.${cell.getValue().replaceAll('.', '_')}`, { defaultValue: cell.getValue() })}</span>
            </Tooltip>
          ),
        }),
        column.accessor('entity', {
          header: t('audit.entity'),
          meta: { nowrap: true },
          cell: (cell) => {
            const entity = cell.getValue()
            if (!entity) return '—'
            const id = cell.row.original.entityId
            const name = t(`auditEntities.${entity}`, { defaultValue: entity })
            // An event about many (an export of clients) names them in the plural; a program goes by its code, not a number.
            if (!id) return t(`auditEntitiesMany.${entity}`, { defaultValue: name })
            return t(/^\d+$/.test(id) ? 'audit.entityWithId' : 'audit.entityWithCode', { entity: name, id })
          },
        }),
        column.accessor('details', {
          header: t('audit.details'),
          cell: (cell) => {
            const lines = describeAuditDetails({ t, format, action: cell.row.original.action, details: cell.getValue() })
            if (lines.length === 0) return '—'
            return (
              // One "name: value" per line: the auditor reads the facts in words, not a JSON object.
              <Stack gap={0} fz={11} style={{ wordBreak: 'break-word' }} data-testid="audit-details">
                {lines.map((line, index) => (
                  <Text key={index} span fz={11}>
                    {line.name && (
                      <Text span fz={11} c="dimmed">
                        {line.name}:{' '}
                      </Text>
                    )}
                    {line.value}
                  </Text>
                ))}
              </Stack>
            )
          },
        }),
      ]),
    [t, format],
  )
  const apply = (event: FormEvent) => {
    event.preventDefault()
    setFilters({ ...filters, ...draft, offset: 0 })
  }
  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <form onSubmit={apply}>
        <Group gap="xs" align="flex-end" mb="xs">
          <TextInput w={150} label={t('audit.login')} value={draft.login} onChange={(e) => setDraft({ ...draft, login: e.currentTarget.value })} />
          <Select
            w={240}
            label={t('audit.action')}
            placeholder={t('audit.anyAction')}
            clearable
            searchable
            data={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`auditActions.${action.replaceAll('.', '_')}`) }))}
            value={draft.action || null}
            onChange={(action) => setDraft({ ...draft, action: action ?? '' })}
          />
          <DayInput w={140} label={t('audit.from')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} testId="audit-from" />
          <DayInput w={140} label={t('audit.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} testId="audit-to" />
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="subtle"
            color="gray"
            onClick={() => {
              setDraft(NO_FILTERS)
              setFilters({ ...filters, ...NO_FILTERS, offset: 0 })
            }}
          >
            {t('audit.reset')}
          </Button>
        </Group>
      </form>
      <DataTable
        testId="audit-table"
        columns={columns}
        rows={events.data?.items}
        getRowId={(row) => String(row.id)}
        fetching={events.isFetching && events.isPlaceholderData}
        error={events.error}
        emptyTitle={t('audit.empty')}
        emptyDescription={t('audit.emptyHint')}
        footer={
          <TablePager
            total={events.data?.total}
            offset={filters.offset}
            limit={filters.limit}
            fetching={events.isFetching}
            onChange={(page) => setFilters({ ...filters, ...page })}
          />
        }
      />
    </>
  )
}
