import { Anchor, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { WaveSendingProgress } from '../selections/WaveSendingProgress.tsx'
import type { ProgramDetail } from './program-types.ts'

/** The program's waves with their groups and each one's sending, live while it is sent. */
export function ProgramWavesTable({ waves }: { waves: ProgramDetail['waves'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="sm" data-testid="program-waves">
      <Title order={2} mb={4}>
        {t('programs.page.waves')}
      </Title>
      {waves.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('programs.page.noWaves')}
        </Text>
      ) : (
        <Table fz="xs" tabularNums>
          {/* The numbers need their names: which is the target group and which the control. */}
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('waves.columns.wave')}</Table.Th>
              <Table.Th>{t('waves.columns.kind')}</Table.Th>
              <Table.Th>{t('waves.columns.channel')}</Table.Th>
              <Table.Th ta="right">{t('waves.columns.target')}</Table.Th>
              <Table.Th ta="right">{t('waves.columns.control')}</Table.Th>
              <Table.Th>{t('waves.columns.builtAt')}</Table.Th>
              <Table.Th>{t('waves.sending.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waves.map((wave) => (
              <Table.Tr key={wave.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/selections/waves/${wave.id}`} fz="xs">
                    {t('waves.number', { id: wave.id })}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`waves.kinds.${wave.kind}`)}</Table.Td>
                <Table.Td>{t(`channels.${wave.channel}`)}</Table.Td>
                <Table.Td ta="right">{format.number(wave.target)}</Table.Td>
                <Table.Td ta="right">{format.number(wave.control)}</Table.Td>
                <Table.Td>{format.dateTime(wave.builtAt)}</Table.Td>
                <Table.Td miw={130}>
                  <WaveSendingProgress waveId={wave.id} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
