import { Paper, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { PersonalValue } from './PersonalValue.tsx'
import type { ClientCard } from './client-types.ts'
import { formatPhone } from './format-phone.ts'
import { useRegions } from './useRegions.ts'

export function PersonalDataPanel({ client }: { client: ClientCard['client'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const regions = useRegions()
  const region = regions.data?.items.find((r) => r.code === client.regionCode)
  const rows: Array<[string, ReactNode]> = [
    [t('client.birthDate'), <PersonalValue raw={client.birthDate} shown={format.date(client.birthDate)} />],
    [t('client.gender'), client.gender ? t(`genders.${client.gender}`) : '—'],
    [t('client.phone'), <PersonalValue raw={client.phone} shown={formatPhone(client.phone)} />],
    [t('client.email'), <PersonalValue raw={client.email} shown={client.email ?? '—'} />],
    [t('client.address'), <PersonalValue raw={client.address} shown={client.address ?? '—'} />],
    [t('client.region'), region ? `${region.name} (${region.code})` : (client.regionCode ?? '—')],
    [t('client.clientSince'), format.date(client.clientSince)],
    [t('client.monthlyIncome'), format.money(client.monthlyIncome)],
    [t('client.personalManager'), client.personalManager?.fullName ?? '—'],
  ]
  return (
    <Paper withBorder p="xs" h="100%">
      <Title order={3} mb={4}>
        {t('client.personalData')}
      </Title>
      <Table fz="xs" verticalSpacing={3} withRowBorders={false} data-testid="personal-data">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td w="42%" c="dimmed" pl={0}>
                {label}
              </Table.Td>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz={11} c="dimmed" mt={4}>
        {t('client.auditNotice')}
      </Text>
    </Paper>
  )
}
