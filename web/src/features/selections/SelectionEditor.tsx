import { Anchor, Badge, Button, Grid, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { ApiError } from '../../api/api-error.ts'
import { describeError } from '../../components/describe-error.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import type { RuleError } from './ConditionRow.tsx'
import { LiveCountPanel } from './LiveCountPanel.tsx'
import { RuleBuilder } from './RuleBuilder.tsx'
import { countConditions, newGroup, nodeAtPath, ruleToTree, treeToRule, type GroupNode } from './rule-tree.ts'
import { SaveAsModal } from './SaveAsModal.tsx'
import type { FieldDefinition, SavedSelection, SelectionCatalogue } from './selection-types.ts'
import { useSaveSelection } from './useSaveSelection.ts'
import { useSelectionCount } from './useSelectionCount.ts'
import { WavePanel } from './WavePanel.tsx'

export type SelectionEditorProps = { saved: SavedSelection | null; catalogue: SelectionCatalogue; fields: ReadonlyMap<string, FieldDefinition> }

/** The selection on one screen: name, rule builder, live count, and a wave over it. */
export function SelectionEditor({ saved, catalogue, fields }: SelectionEditorProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const user = useSignedInUser()
  const canSave = canCall(user.role, saved ? 'PUT /api/selections/:id' : 'POST /api/selections')
  const canBuildWaves = canCall(user.role, 'POST /api/waves/preview')
  const [root, setRoot] = useState<GroupNode>(() => (saved ? ruleToTree(saved.rule) : newGroup('all')))
  const [name, setName] = useState(saved?.name ?? '')
  const [description, setDescription] = useState(saved?.description ?? '')
  const [savingAs, setSavingAs] = useState(false)
  const save = useSaveSelection()

  const json = useMemo(() => treeToRule(root, fields), [root, fields])
  const ruleText = JSON.stringify(json.rule)
  // What "saved" looks like in the builder's own JSON, to tell whether anything changed.
  const [savedText, setSavedText] = useState(() => (saved ? JSON.stringify(treeToRule(ruleToTree(saved.rule), fields).rule) : null))
  const [savedDetails, setSavedDetails] = useState({ name: saved?.name ?? '', description: saved?.description ?? '' })
  const ruleChanged = ruleText !== savedText
  const dirty = ruleChanged || name !== savedDetails.name || description !== savedDetails.description

  const conditions = countConditions(root)
  const complete = json.incomplete.size === 0 && conditions > 0
  const count = useSelectionCount(complete ? json.rule : null)
  const refused = count.error instanceof ApiError && count.error.code === 'invalid_input' ? count.error : null
  // The row the reason's path names turns red; the reason is told in the user's words by its code.
  const refusal = refused ? describeError(t, refused).detail : undefined
  const errorPath = refused && typeof (refused.details as { path?: unknown })?.path === 'string' ? (refused.details as { path: string }).path : null
  const located = errorPath !== null ? nodeAtPath(json.paths, errorPath) : null
  const ruleError: RuleError | null = located && refusal ? { ...located, message: refusal } : null
  const countState = conditions === 0 ? 'empty' : !complete ? 'incomplete' : refused ? 'refused' : 'ready'

  const nameTaken = save.error instanceof ApiError && save.error.status === 409
  // A rule refused on save (a selection that reaches back to itself) is told by its reason code.
  const saveError = save.error
  const submit = () => {
    if (!canSave || !complete || name.trim() === '') return
    save.mutate(
      { id: saved?.id ?? null, name: name.trim(), description: description.trim() || null, rule: json.rule },
      {
        onSuccess: (result) => {
          setSavedText(ruleText)
          setSavedDetails({ name: result.name, description: result.description ?? '' })
          setName(result.name)
          setDescription(result.description ?? '')
          if (!saved) navigate(`/selections/${result.id}`, { replace: true })
        },
      },
    )
  }

  return (
    <>
      <PageHeader
        title={saved ? saved.name : t('selections.editor.newTitle')}
        subtitle={
          <Anchor component={Link} to="/selections" fz="xs">
            ← {t('selections.editor.back')}
          </Anchor>
        }
        actions={
          <>
            {canSave && dirty && (saved || conditions > 0) && (
              <Badge color="orange" variant="light" tt="none" data-testid="unsaved">
                {t('selections.editor.unsaved')}
              </Badge>
            )}
            {saved && !dirty && (
              <Text fz="xs" c="dimmed">
                {t('selections.editor.savedAt', { version: saved.version, at: format.dateTime(saved.updatedAt) })}
              </Text>
            )}
            {canSave && saved && (
              <Button variant="default" disabled={!complete} onClick={() => setSavingAs(true)} data-testid="save-as">
                {t('selections.editor.saveAs')}
              </Button>
            )}
            {canSave && (
              <Button onClick={submit} disabled={!complete || name.trim() === '' || !dirty} loading={save.isPending} data-testid="save-selection">
                {t('common.save')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm">
              <Stack gap={6}>
                <TextInput
                  label={t('selections.editor.name')}
                  placeholder={t('selections.editor.namePlaceholder')}
                  required={canSave}
                  value={name}
                  onChange={(event) => {
                    setName(event.currentTarget.value)
                    save.reset()
                  }}
                  onKeyDown={(event) => event.key === 'Enter' && submit()}
                  readOnly={!canSave}
                  maxLength={200}
                  error={nameTaken ? t('selections.editor.nameTaken') : undefined}
                  data-testid="selection-name"
                />
                <Textarea
                  label={t('selections.editor.description')}
                  placeholder={t('selections.editor.descriptionPlaceholder')}
                  value={description}
                  onChange={(event) => setDescription(event.currentTarget.value)}
                  readOnly={!canSave}
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={2000}
                />
                {saveError && !nameTaken && <ErrorAlert error={saveError} />}
                {!canSave && (
                  <Text fz="xs" c="dimmed">
                    {t('selections.editor.readOnly')}
                  </Text>
                )}
              </Stack>
            </Paper>
            <RuleBuilder
              root={root}
              onChange={setRoot}
              rule={json.rule}
              catalogue={catalogue}
              fields={fields}
              selectionId={saved?.id ?? null}
              error={ruleError}
              readOnly={false}
            />
            {canBuildWaves && <WavePanel rule={complete && !refused ? json.rule : null} selectionId={saved && !ruleChanged ? saved.id : null} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <div style={{ position: 'sticky', top: 56 }}>
            <LiveCountPanel count={count.data} settling={count.settling} state={countState} refusal={refusal} catalogue={catalogue} />
          </div>
        </Grid.Col>
      </Grid>
      {savingAs && saved && (
        <SaveAsModal
          name={t('selections.editor.copyName', { name: name.trim() || saved.name })}
          description={description.trim() || null}
          rule={json.rule}
          onClose={() => setSavingAs(false)}
          onSaved={(copy) => navigate(`/selections/${copy.id}`)}
        />
      )}
    </>
  )
}
