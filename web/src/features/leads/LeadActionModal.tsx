import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LeadItem } from '../../../../src/contract/lead-schemas.ts'
import { DayInput } from '../../components/DayInput.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useProducts } from '../programs/useProducts.ts'
import { useAddLeadNote, useMoveLead } from './useLeads.ts'

export type LeadAction = 'note' | 'won' | 'lost'

/** A note with the next follow-up date, or closing the lead: won with the sale, lost with the reason. */
export function LeadActionModal({ lead, action, today, onClose }: { lead: LeadItem; action: LeadAction; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const products = useProducts()
  const move = useMoveLead()
  const note = useAddLeadNote()
  const [text, setText] = useState('')
  const [followUp, setFollowUp] = useState(lead.nextFollowUp ?? '')
  const [product, setProduct] = useState<string | null>(null)
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(today)
  const [reason, setReason] = useState('')
  const error = move.error ?? note.error
  const done = { onSuccess: onClose }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (action === 'won') return move.mutate({ id: lead.id, body: { status: 'won', sale: { product: product ?? '', amount: amount.trim().replace(',', '.').replace(/\s/g, ''), date, holdingId: null } } }, done)
    if (action === 'lost') return move.mutate({ id: lead.id, body: { status: 'lost', lostReason: reason } }, done)
    if (text.trim() !== '') await note.mutateAsync({ id: lead.id, text })
    if ((followUp || null) !== lead.nextFollowUp) await move.mutateAsync({ id: lead.id, body: { nextFollowUp: followUp || null } })
    onClose()
  }
  const open = lead.status === 'new' || lead.status === 'in_work'
  return (
    <Modal opened onClose={onClose} title={`${t(`leads.actions.${action}`)}: ${lead.fullName}`} size="md">
      <form onSubmit={(event) => void submit(event).catch(() => undefined)} data-testid="lead-action-form">
        <Stack gap="xs">
          {action === 'note' && (
            <>
              <Textarea label={t('leads.fields.note')} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} data-autofocus data-testid="lead-note" />
              {open && <DayInput label={t('leads.fields.nextFollowUp')} value={followUp} onChange={setFollowUp} testId="lead-follow-up" />}
            </>
          )}
          {action === 'won' && (
            <>
              <Select
                label={t('leads.fields.product')}
                searchable
                data={(products.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
                value={product}
                onChange={setProduct}
                data-testid="lead-sale-product"
              />
              <TextInput label={t('leads.fields.amount')} placeholder="150 000,00" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} data-testid="lead-sale-amount" />
              <DayInput label={t('leads.fields.saleDate')} value={date} onChange={setDate} />
            </>
          )}
          {action === 'lost' && <TextInput label={t('leads.fields.lostReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus data-testid="lead-lost-reason" />}
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={move.isPending || note.isPending} color={action === 'lost' ? 'red' : undefined} data-testid="lead-action-save">
              {t(`leads.save.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
