import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useBankSetting, type Letterhead } from './useBankSettings.ts'

type Field = 'name' | 'address' | 'phone' | 'website' | 'license' | 'signatoryName' | 'signatoryTitle'
const REQUIRED: readonly Field[] = ['name', 'signatoryName', 'signatoryTitle']
const MAX: Record<Field, number> = { name: 200, address: 300, phone: 60, website: 100, license: 200, signatoryName: 200, signatoryTitle: 200 }

type Draft = Record<Field, string>

const toDraft = (l: Letterhead): Draft => ({
  name: l.name, address: l.address, phone: l.phone, website: l.website ?? '', license: l.license ?? '', signatoryName: l.signatory.name, signatoryTitle: l.signatory.title,
})
const toLetterhead = (d: Draft): Letterhead => ({
  name: d.name.trim(), address: d.address.trim(), phone: d.phone.trim(), website: d.website.trim() || null, license: d.license.trim() || null,
  signatory: { name: d.signatoryName.trim(), title: d.signatoryTitle.trim() },
})

/** The bank's letterhead, as every letter's PDF prints it: name, address, phone, site, licence and who signs. */
export function LetterheadForm() {
  const { t } = useTranslation()
  const { query, save } = useBankSetting('letterhead')
  const [draft, setDraft] = useState<Draft | null>(null)
  const current = draft ?? (query.data && toDraft(query.data))
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
  if (!current) return null
  const errorOf = (field: Field): string | null => {
    const label = t(`settings.letterhead.${field}`)
    if (REQUIRED.includes(field) && current[field].trim() === '') return t('settings.required', { field: label })
    if (current[field].trim().length > MAX[field]) return t('settings.tooLong', { field: label, max: MAX[field] })
    return null
  }
  const valid = (Object.keys(MAX) as Field[]).every((field) => errorOf(field) === null)
  const input = (field: Field) => (
    <TextInput
      size="xs" label={t(`settings.letterhead.${field}`)} withAsterisk={REQUIRED.includes(field)} value={current[field]} error={draft && errorOf(field)}
      onChange={(e) => setDraft({ ...current, [field]: e.currentTarget.value })} data-testid={`letterhead-${field}`}
    />
  )
  return (
    <Paper withBorder p="sm" data-testid="letterhead-form">
      <Group justify="space-between" mb={4}>
        <Title order={2}>{t('settings.letterhead.title')}</Title>
        {query.data?.isDefault && !draft && <Badge variant="light" color="yellow" tt="none">{t('settings.placeholder')}</Badge>}
      </Group>
      <Text fz="xs" c="dimmed" mb="xs">{t('settings.letterhead.hint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {input('name')}
        {input('phone')}
        {input('address')}
        {input('website')}
      </SimpleGrid>
      <Stack gap="xs" mt="xs">{input('license')}</Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {input('signatoryName')}
        {input('signatoryTitle')}
      </SimpleGrid>
      {save.error && <ErrorAlert error={save.error} />}
      <Group mt="sm" gap="xs">
        <Button size="xs" disabled={!draft || !valid} loading={save.isPending} onClick={() => save.mutate(toLetterhead(current), { onSuccess: () => setDraft(null) })} data-testid="letterhead-save">
          {t('settings.save')}
        </Button>
        {save.isSuccess && !draft && <Text fz="xs" c="teal" data-testid="letterhead-saved">{t('settings.saved')}</Text>}
      </Group>
    </Paper>
  )
}
