import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PRODUCT_TYPES, type ProductType } from '../../../../src/contract/product-types.ts'
import { REQUEST_CATEGORIES, REQUEST_MAX_LENGTH, type RequestCategory } from '../../../../src/contract/request-categories.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { useClientRequests, useRecordClientRequest } from './useClientRequests.ts'

/** On the client card: the client's special requests, and the form branch staff record a new one with. */
export function ClientRequestsPanel({ clientId }: { clientId: string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const me = useSignedInUser()
  const canWrite = canCall(me.role, 'POST /api/clients/:id/requests')
  const canRead = canCall(me.role, 'GET /api/requests')
  const requests = useClientRequests({ client: clientId }, canRead)
  const record = useRecordClientRequest(clientId)
  const [category, setCategory] = useState<RequestCategory | null>(null)
  const [productType, setProductType] = useState<ProductType | null>(null)
  const [body, setBody] = useState('')
  if (!canRead && !canWrite) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!category || !body.trim()) return
    record.mutate({ body: body.trim(), category, productType }, { onSuccess: () => { setBody(''); setProductType(null) } })
  }
  const list = requests.data?.items ?? []
  return (
    <Paper withBorder p="xs">
      <Title order={3} mb={4}>{t('clientRequests.title')}</Title>
      <Text fz="xs" c="dimmed" mb={6}>{t('clientRequests.hint')}</Text>
      {canWrite && (
        <form onSubmit={submit} aria-label={t('clientRequests.add')}>
          <Group align="flex-start" gap="xs" wrap="nowrap" mb="xs">
            <Select w={190} placeholder={t('clientRequests.category')} aria-label={t('clientRequests.category')} value={category} onChange={(v) => setCategory(v as RequestCategory | null)}
              data={REQUEST_CATEGORIES.map((value) => ({ value, label: t(`requestCategories.${value}`) }))} data-testid="client-request-category" />
            <Select w={170} placeholder={t('clientRequests.productType')} aria-label={t('clientRequests.productType')} clearable value={productType} onChange={(v) => setProductType(v as ProductType | null)}
              data={PRODUCT_TYPES.map((value) => ({ value, label: t(`productTypes.${value}`) }))} />
            <Textarea style={{ flex: 1 }} aria-label={t('clientRequests.body')} placeholder={t('clientRequests.placeholder')} autosize minRows={1} maxRows={6}
              maxLength={REQUEST_MAX_LENGTH} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="client-request-body" />
            <Button type="submit" loading={record.isPending} disabled={!body.trim() || !category} data-testid="client-request-save">{t('clientRequests.save')}</Button>
          </Group>
        </form>
      )}
      {record.error && <ErrorAlert error={record.error} />}
      {canRead && (list.length === 0 ? (
        <Text fz="xs" c="dimmed">{t('clientRequests.empty')}</Text>
      ) : (
        <Stack gap={6} data-testid="client-requests-list">
          {list.map((request) => (
            <div key={request.id}>
              <Group gap={6}>
                <Badge variant="light" tt="none">{t(`requestCategories.${request.category}`)}</Badge>
                {request.productType && <Badge variant="outline" color="gray" tt="none">{t(`productTypes.${request.productType}`)}</Badge>}
                <Text fz={11} c="dimmed">{format.dateTime(request.createdAt)} · {request.authorLogin} · {request.branchName ?? '—'}</Text>
              </Group>
              <Text fz="xs" mt={2} style={{ whiteSpace: 'pre-wrap' }}>{request.body}</Text>
            </div>
          ))}
        </Stack>
      ))}
    </Paper>
  )
}
