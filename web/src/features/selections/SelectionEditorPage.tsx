import { Anchor, Grid, Skeleton, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { SelectionEditor } from './SelectionEditor.tsx'
import { useSelection } from './useSelection.ts'
import { useSelectionCatalogue } from './useSelectionCatalogue.ts'

/** /selections/new and /selections/:id: loads the catalogue and the saved selection, then edits. */
export function SelectionEditorPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const selectionId = id && id !== 'new' && /^\d+$/.test(id) ? Number(id) : null
  const catalogue = useSelectionCatalogue()
  const saved = useSelection(selectionId)
  const error = catalogue.error ?? saved.error
  if (error) {
    return (
      <Stack gap="xs" maw={640}>
        <Anchor component={Link} to="/selections" fz="xs">
          ← {t('selections.editor.back')}
        </Anchor>
        <ErrorAlert error={error} onRetry={() => void (catalogue.error ? catalogue.refetch() : saved.refetch())} />
      </Stack>
    )
  }
  if (!catalogue.data || (selectionId !== null && !saved.data)) {
    return (
      <Grid>
        <Grid.Col span={8}>
          <Skeleton h={36} mb="sm" />
          <Skeleton h={240} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Skeleton h={320} />
        </Grid.Col>
      </Grid>
    )
  }
  // A new key per selection: "save as" opens the copy with fresh state.
  return <SelectionEditor key={selectionId ?? 'new'} saved={saved.data ?? null} catalogue={catalogue.data} fields={catalogue.fields} />
}
