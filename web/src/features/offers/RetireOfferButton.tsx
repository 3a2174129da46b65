import { Button, Group, Popover, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OfferDetail } from '../../../../src/contract/offer-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useRetireOffer } from './useOffers.ts'

/** Retires the offer for good, after a confirmation saying what that means, with a reason for the audit log. */
export function RetireOfferButton({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation()
  const retire = useRetireOffer()
  const [opened, setOpened] = useState(false)
  const [comment, setComment] = useState('')
  const confirm = () =>
    retire.mutate({ code: offer.code, version: offer.version, comment: comment.trim() || undefined }, { onSuccess: () => setOpened(false) })
  return (
    <Popover opened={opened} onChange={setOpened} width={320} position="top-start" withArrow>
      <Popover.Target>
        <Button size="xs" color="red" variant="subtle" onClick={() => setOpened((o) => !o)} data-testid="retire-offer">
          {t('offers.retire.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fz="xs">{t('offers.retire.warning')}</Text>
          <Textarea size="xs" label={t('offers.retire.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          {retire.error && <ErrorAlert error={retire.error} />}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color="red" loading={retire.isPending} onClick={confirm} data-testid="retire-offer-confirm">
              {t('offers.retire.confirm')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
