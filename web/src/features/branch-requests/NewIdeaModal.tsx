import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PRODUCT_TYPES, type ProductType } from '../../../../src/contract/product-types.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useCreateIdea } from './useProductIdeas.ts'

export function NewIdeaModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateIdea()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [productType, setProductType] = useState<ProductType | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({ title: title.trim(), description: description.trim(), productType }, { onSuccess: onClose })
  }
  return (
    <Modal opened onClose={onClose} title={t('ideas.new')}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput label={t('ideas.fields.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="idea-title" />
          <Textarea label={t('ideas.fields.description')} autosize minRows={3} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Select label={t('ideas.fields.productType')} clearable value={productType} onChange={(value) => setProductType(value as ProductType | null)}
            data={PRODUCT_TYPES.map((value) => ({ value, label: t(`productTypes.${value}`) }))} />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('ideas.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>{t('ideas.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
