import { List, Paper, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ProgramDetail } from './program-types.ts'

/** What approved → pilot needs, item by item (the server refuses the move naming what is unmet). */
export function PreLaunchChecklist({ checklist }: { checklist: ProgramDetail['checklist'] }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" data-testid="program-checklist">
      <Title order={2} mb={6}>
        {t('programs.checklist.title')}
      </Title>
      <List spacing={4} size="xs" center>
        {checklist.map((entry) => (
          <List.Item
            key={entry.item}
            data-met={entry.met}
            icon={
              <ThemeIcon size={16} radius="xl" color={entry.met ? 'teal' : 'gray'} variant={entry.met ? 'filled' : 'light'}>
                <Text fz={10}>{entry.met ? '✓' : '·'}</Text>
              </ThemeIcon>
            }
          >
            {t(`programs.checklist.${entry.item}`)}
          </List.Item>
        ))}
      </List>
    </Paper>
  )
}
