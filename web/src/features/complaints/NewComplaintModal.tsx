import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, type ComplaintChannel, type ComplaintSeverity } from '../../../../src/contract/complaint-categories.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ClientPicker } from '../clients/ClientPicker.tsx'
import { categoryOptions } from './complaint-options.ts'
import { useRegisterComplaint } from './useComplaints.ts'

/** A new complaint: the client, what it is about, how it came; the server counts its due date and routes its owner. */
export function NewComplaintModal({ onClose, clientId = null }: { onClose: () => void; clientId?: number | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const register = useRegisterComplaint()
  const [client, setClient] = useState<number | null>(clientId)
  const [category, setCategory] = useState<string | null>(null)
  const [channel, setChannel] = useState<ComplaintChannel>('branch')
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const submit = () => {
    // The server names a missing client or category (400); the form sends what it has.
    register.mutate(
      { clientId: client ?? 0, category: category ?? '', channel, severity, subject, description },
      { onSuccess: (created) => { onClose(); navigate(`/complaints/${created.id}`) } },
    )
  }
  return (
    <Modal opened onClose={onClose} title={t('complaints.form.title')} size="lg">
      <Stack gap="xs">
        {clientId === null && <ClientPicker label={t('complaints.form.client')} value={client} onChange={setClient} testId="complaint-client" />}
        <Select label={t('complaints.form.category')} data={categoryOptions(t)} value={category} onChange={setCategory} searchable data-testid="complaint-category" />
        <Select label={t('complaints.form.channel')} data={COMPLAINT_CHANNELS.map((value) => ({ value, label: t(`complaints.channels.${value}`) }))}
          value={channel} onChange={(value) => value && setChannel(value as ComplaintChannel)} allowDeselect={false} />
        <SegmentedControl size="xs" data={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))} value={severity} onChange={(value) => setSeverity(value as ComplaintSeverity)} />
        <TextInput label={t('complaints.form.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={200} data-testid="complaint-subject" />
        <Textarea label={t('complaints.form.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3} maxLength={5000} />
        {register.error && <ErrorAlert error={register.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('complaints.form.cancel')}</Button>
          <Button onClick={submit} loading={register.isPending} data-testid="complaint-submit">{t('complaints.form.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
