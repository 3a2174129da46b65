import { Box, Group, Progress, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { WavePreview } from './selection-types.ts'

/**
 * The contact policy funnel: from the clients the rule matched, each policy step in the order it is
 * applied with the clients it removed, down to the wave's target and control groups. A client is
 * counted under the first step that removed it, so the steps add up.
 */
export function PolicyFunnel({ funnel, testId = 'policy-funnel' }: { funnel: Omit<WavePreview, 'eligible'> & { eligible?: number }; testId?: string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { matched, target, control } = funnel
  const bar = (left: number) => (matched > 0 ? (left / matched) * 100 : 0)
  let left = matched
  const steps = funnel.funnel.map((step) => {
    left -= step.removed
    return { ...step, left }
  })
  const inWave = target + control
  // A pilot's sample, branches or regions leave out some of those the policy let through.
  const outOfScope = funnel.eligible === undefined ? 0 : funnel.eligible - inWave
  return (
    <Table data-testid={testId} verticalSpacing={4} horizontalSpacing="xs" layout="fixed" withRowBorders={false} tabularNums>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('waves.funnel.step')}</Table.Th>
          <Table.Th w={80} ta="right">
            {t('waves.funnel.removed')}
          </Table.Th>
          <Table.Th w={80} ta="right">
            {t('waves.funnel.left')}
          </Table.Th>
          <Table.Th w="24%" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr data-step="matched">
          <Table.Td>
            <Text fz="xs" fw={600}>
              {t('waves.funnel.matched')}
            </Text>
          </Table.Td>
          <Table.Td />
          <Table.Td ta="right">
            <Text fz="xs" fw={600}>
              {format.number(matched)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Progress value={100} color="navy.3" size="md" aria-hidden />
          </Table.Td>
        </Table.Tr>
        {steps.map((step) => (
          <Table.Tr key={step.rule} data-step={step.rule} style={{ opacity: step.removed === 0 ? 0.5 : 1 }}>
            <Table.Td pl="md">
              <Text fz="xs" truncate title={t(`waves.steps.${step.rule}`)}>
                {t(`waves.steps.${step.rule}`, { defaultValue: step.rule })}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fz="xs" c={step.removed > 0 ? 'red.8' : 'dimmed'}>
                {step.removed > 0 ? `−${format.number(step.removed)}` : '0'}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fz="xs">{format.number(step.left)}</Text>
            </Table.Td>
            <Table.Td>
              <Progress value={bar(step.left)} color="navy.4" size="md" aria-hidden />
            </Table.Td>
          </Table.Tr>
        ))}
        {outOfScope > 0 && (
          <Table.Tr data-step="pilot_scope">
            <Table.Td pl="md">
              <Text fz="xs" truncate title={t('waves.funnel.outOfScope')}>
                {t('waves.funnel.outOfScope')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fz="xs" c="grape.8">
                −{format.number(outOfScope)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fz="xs">{format.number(inWave)}</Text>
            </Table.Td>
            <Table.Td>
              <Progress value={bar(inWave)} color="grape.4" size="md" aria-hidden />
            </Table.Td>
          </Table.Tr>
        )}
        <Table.Tr data-step="wave" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Table.Td>
            <Text fz="xs" fw={700}>
              {t('waves.funnel.inWave')}
            </Text>
          </Table.Td>
          <Table.Td />
          <Table.Td ta="right">
            <Text fz="xs" fw={700}>
              {format.number(inWave)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Progress.Root size="md" aria-hidden>
              <Progress.Section value={bar(target)} color="navy.8" />
              <Progress.Section value={bar(control)} color="orange.5" />
            </Progress.Root>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Group gap="md">
              <Group gap={6}>
                <Box w={10} h={10} bg="navy.8" style={{ borderRadius: 2 }} aria-hidden />
                <Text fz="xs">
                  {t('waves.funnel.target')}: <b data-testid={`${testId}-target`}>{format.number(target)}</b>
                </Text>
              </Group>
              <Group gap={6}>
                <Box w={10} h={10} bg="orange.5" style={{ borderRadius: 2 }} aria-hidden />
                <Text fz="xs">
                  {t('waves.funnel.control')}: <b data-testid={`${testId}-control`}>{format.number(control)}</b>
                  {inWave > 0 && <Text span c="dimmed"> ({format.percent(control / inWave, 1)})</Text>}
                </Text>
              </Group>
            </Group>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}
