import { Accordion, Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CallCard } from '../../../../src/contract/call-centre-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'

/** The offer and its terms, the script to read, and the answers to the client's objections. */
export function CallScriptPanel({ card }: { card: CallCard }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const offer = card.offer
  if (!offer) return <Paper withBorder p="sm"><Text fz="xs" c="dimmed">{t('calls.noOffer')}</Text></Paper>
  const terms = [
    offer.rate !== null && `${t('calls.rate')}: ${format.percent(offer.rate, 1)}`,
    offer.amount !== null && `${t('calls.amount')}: ${format.money(offer.amount)}`,
    offer.termMonths !== null && t('calls.termMonths', { count: offer.termMonths }),
    offer.validUntil && `${t('calls.validUntil')}: ${format.date(offer.validUntil)}`,
  ].filter(Boolean)
  return (
    <Paper withBorder p="sm">
      <Title order={3}>{offer.name}</Title>
      {offer.terms && <Text fz="xs">{offer.terms}</Text>}
      <Text fz="xs" c="dimmed">{terms.join(' · ')}</Text>
      <Title order={4} mt="sm">{t('calls.script')}</Title>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{offer.callScript?.script ?? t('calls.noScript')}</Text>
      {offer.callScript && offer.callScript.objections.length > 0 && (
        <>
          <Title order={4} mt="sm">{t('calls.objections')}</Title>
          <Accordion variant="separated" multiple>
            {offer.callScript.objections.map((o, i) => (
              <Accordion.Item key={i} value={String(i)}>
                <Accordion.Control><Text fz="xs" fw={600}>«{o.objection}»</Text></Accordion.Control>
                <Accordion.Panel><Text fz="xs">{o.answer}</Text></Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </Paper>
  )
}
