import { Badge, Button, Group, Paper, Switch, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useBankSetting, type ContactHours } from './useBankSettings.ts'

type Day = 'weekdays' | 'weekends'
type Draft = { weekdays: { from: string; until: string }; weekends: { from: string; until: string }; weekendsOpen: boolean }

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
/** `09:00` → 540; `24:00` closes a day; anything else is not a time. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) return null
  const minutes = Number(match[1]) * 60 + Number(match[2])
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null
}

const toDraft = (h: ContactHours): Draft => ({
  weekdays: { from: clock(h.weekdays.from), until: clock(h.weekdays.until) },
  weekends: h.weekends ? { from: clock(h.weekends.from), until: clock(h.weekends.until) } : { from: '10:00', until: '20:00' },
  weekendsOpen: h.weekends !== null,
})

/** The hours SMS and calls may reach a client, in the client's own time: working days and days off. */
export function ContactHoursForm() {
  const { t } = useTranslation()
  const { query, save } = useBankSetting('contactHours')
  const [draft, setDraft] = useState<Draft | null>(null)
  const current = draft ?? (query.data && toDraft(query.data))
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
  if (!current) return null
  const errorOf = (day: Day, end: 'from' | 'until'): string | null => {
    const field = `${t(`settings.hours.${day}`)}, ${t(`settings.hours.${end}`)}`
    const minutes = parseClock(current[day][end])
    if (minutes === null) return t('settings.hours.badTime', { field })
    const from = parseClock(current[day].from)
    if (end === 'until' && from !== null && minutes <= from) return t('settings.hours.untilBeforeFrom', { field })
    return null
  }
  const days: Day[] = current.weekendsOpen ? ['weekdays', 'weekends'] : ['weekdays']
  const valid = days.every((day) => errorOf(day, 'from') === null && errorOf(day, 'until') === null)
  const value = (): ContactHours => {
    const window = (day: Day) => ({ from: parseClock(current[day].from)!, until: parseClock(current[day].until)! })
    return { weekdays: window('weekdays'), weekends: current.weekendsOpen ? window('weekends') : null }
  }
  const input = (day: Day, end: 'from' | 'until') => (
    <TextInput
      size="xs" w={110} label={t(`settings.hours.${end}`)} placeholder="09:00" value={current[day][end]} error={draft && errorOf(day, end)}
      onChange={(e) => setDraft({ ...current, [day]: { ...current[day], [end]: e.currentTarget.value } })} data-testid={`hours-${day}-${end}`}
    />
  )
  return (
    <Paper withBorder p="sm" data-testid="contact-hours-form">
      <Group justify="space-between" mb={4}>
        <Title order={2}>{t('settings.hours.title')}</Title>
        {query.data?.isDefault && !draft && <Badge variant="light" color="gray" tt="none">{t('settings.default')}</Badge>}
      </Group>
      <Text fz="xs" c="dimmed" mb="xs">{t('settings.hours.hint')}</Text>
      <Text fz="xs" fw={600}>{t('settings.hours.weekdays')}</Text>
      <Group gap="xs" align="flex-start" mb="xs">{input('weekdays', 'from')}{input('weekdays', 'until')}</Group>
      <Switch size="xs" mb={4} label={t('settings.hours.weekendsOpen')} checked={current.weekendsOpen} onChange={(e) => setDraft({ ...current, weekendsOpen: e.currentTarget.checked })} data-testid="hours-weekends-open" />
      {current.weekendsOpen ? (
        <Group gap="xs" align="flex-start">{input('weekends', 'from')}{input('weekends', 'until')}</Group>
      ) : (
        <Text fz="xs" c="dimmed">{t('settings.hours.weekendsClosed')}</Text>
      )}
      {save.error && <ErrorAlert error={save.error} />}
      <Group mt="sm" gap="xs">
        <Button size="xs" disabled={!draft || !valid} loading={save.isPending} onClick={() => save.mutate(value(), { onSuccess: () => setDraft(null) })} data-testid="hours-save">
          {t('settings.save')}
        </Button>
        {save.isSuccess && !draft && <Text fz="xs" c="teal" data-testid="hours-saved">{t('settings.saved')}</Text>}
      </Group>
    </Paper>
  )
}
