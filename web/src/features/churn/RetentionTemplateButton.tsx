import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useCreateRetentionTemplate } from './useChurn.ts'

/** The retention program template: a saved selection of high-risk, high-value clients and a draft program on it. */
export function RetentionTemplateButton() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [code, setCode] = useState('RETAIN-HIGH-RISK')
  const create = useCreateRetentionTemplate()
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)} data-testid="retention-template">{t('churn.template.button')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('churn.template.title')} size="md">
        <Stack gap="xs">
          <Text fz="xs">{t('churn.template.explain')}</Text>
          <TextInput size="xs" label={t('churn.template.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button size="xs" loading={create.isPending} onClick={() => create.mutate({ code }, { onSuccess: (made) => navigate(`/programs/${made.programCode}`) })}>{t('churn.template.create')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
