import { Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PERSONAL_FIELDS } from '../../../../src/contract/personal-fields.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useRoles } from './useRoles.ts'


/** Which role sees which personal field unmasked (src/core/clearance.ts, 152-FZ). */
export function ClearanceTable() {
  const { t } = useTranslation()
  const roles = useRoles()
  return (
    <Paper withBorder p="sm">
      <Title order={2} mb={2}>
        {t('users.clearance.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('users.clearance.hint')}
      </Text>
      {roles.error ? (
        <ErrorAlert error={roles.error} />
      ) : (
        <Table withTableBorder withColumnBorders striped fz="xs" verticalSpacing={3} data-testid="clearance-table" maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.role')}</Table.Th>
              {PERSONAL_FIELDS.map((field) => (
                <Table.Th key={field} ta="center">
                  {t(`personalFields.${field}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(roles.data?.items ?? []).map((item) => (
              <Table.Tr key={item.role}>
                <Table.Td>{t(`roles.${item.role}`)}</Table.Td>
                {PERSONAL_FIELDS.map((field) => {
                  const sees = item.personalFields.includes(field)
                  return (
                    <Table.Td key={field} ta="center" c={sees ? 'teal.8' : 'gray.5'} aria-label={sees ? t('users.clearance.sees') : t('users.clearance.masked')}>
                      {sees ? '✓' : '—'}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
