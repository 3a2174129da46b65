import { Anchor, Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OfferChannel, OfferPreview } from '../../../../src/contract/offer-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ClientPicker } from '../clients/ClientPicker.tsx'
import { SmsCounter } from './SmsCounter.tsx'
import { usePreviewOffer } from './useOffers.ts'

/**
 * The newest version's template rendered for a client found by search: an e-mail or a letter as
 * the client would see it, in a sandboxed frame (no scripts, no same origin: the HTML is the
 * marketer's, the values the client's); a letter also as the PDF the print batch prints.
 */
export function OfferPreviewPanel({ code, channel }: { code: string; channel: OfferChannel }) {
  const { t } = useTranslation()
  const preview = usePreviewOffer()
  const [clientId, setClientId] = useState<number | null>(null)
  const shown = preview.data && preview.data.channel === channel ? preview.data : undefined
  return (
    <Stack gap={4} data-testid="offer-preview">
      <Group gap="xs" align="flex-end">
        <ClientPicker label={t('offers.preview.client')} value={clientId} onChange={setClientId} testId="preview-client" />
        <Button size="xs" variant="default" disabled={clientId === null} loading={preview.isPending} onClick={() => clientId !== null && preview.mutate({ code, channel, clientId })} data-testid="preview-show">
          {t('offers.preview.show', { channel: t(`offers.channels.${channel}`) })}
        </Button>
        {channel === 'letter' && clientId !== null && (
          <Anchor href={`/api/offers/${encodeURIComponent(code)}/preview.pdf?channel=letter&clientId=${clientId}`} target="_blank" rel="noopener" fz="xs" data-testid="preview-pdf">
            {t('offers.preview.pdf')}
          </Anchor>
        )}
      </Group>
      {preview.error && <ErrorAlert error={preview.error} />}
      {shown && <PreviewResult preview={shown} />}
    </Stack>
  )
}

function PreviewResult({ preview }: { preview: OfferPreview }) {
  const { t } = useTranslation()
  const part = (name: string) => preview.parts.find((p) => p.part === name)?.text
  return (
    <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
      <Stack gap={6}>
        {part('subject') !== undefined && <Labelled label={t('offers.parts.subject')} text={part('subject')!} />}
        {part('body_html') !== undefined && <HtmlFrame html={part('body_html')!} title={t('offers.preview.rendered')} />}
        {part('body_text') !== undefined && <Labelled label={t('offers.parts.body_text')} text={part('body_text')!} />}
        {preview.channel === 'sms' && <SmsCounter text={part('body_text') ?? ''} />}
        {preview.callScript && <CallScriptView script={preview.callScript} />}
        {preview.masked.length > 0 && (
          <Text fz={10} c="dimmed">{t('offers.preview.masked', { fields: preview.masked.map((f) => t(`offers.personal.${f}`)).join(', ') })}</Text>
        )}
      </Stack>
    </Paper>
  )
}

function Labelled({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={0}>
      <Text fz={10} c="dimmed">{label}</Text>
      <Text fz="xs" style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Stack>
  )
}

// `sandbox` with no allowances: no scripts, forms, pop-ups or same-origin access for the HTML.
function HtmlFrame({ html, title }: { html: string; title: string }) {
  const doc = `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:Arial,sans-serif;font-size:14px;color:#212529;margin:12px;line-height:1.45}</style></head><body>${html}</body></html>`
  return (
    <Stack gap={0}>
      <Text fz={10} c="dimmed">{title}</Text>
      <iframe title={title} sandbox="" srcDoc={doc} style={{ width: '100%', height: 300, border: '1px solid var(--mantine-color-gray-3)', background: 'white' }} data-testid="preview-frame" />
    </Stack>
  )
}

function CallScriptView({ script }: { script: NonNullable<OfferPreview['callScript']> }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4} data-testid="preview-call-script">
      {script.script && <Labelled label={t('offers.parts.script')} text={script.script} />}
      {script.objections.length > 0 && (
        <>
          <Text fz={10} c="dimmed">{t('offers.objections.title')}</Text>
          <List size="xs" spacing={4}>
            {script.objections.map((o, index) => (
              <List.Item key={index}>
                <Text fz="xs" fw={600} span>«{o.objection}»</Text> — <Text fz="xs" span>{o.answer}</Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  )
}
