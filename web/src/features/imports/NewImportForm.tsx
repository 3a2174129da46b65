import { Button, Checkbox, Divider, FileInput, Group, Loader, Paper, Select, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ColumnMapping } from './ColumnMapping.tsx'
import { FilePreviewTable } from './FilePreviewTable.tsx'
import { IMPORT_ENCODINGS, IMPORT_KINDS, type ImportKind, type ImportPreview } from './import-types.ts'
import { initialMapping } from './initial-mapping.ts'
import { useImportFields } from './useImportFields.ts'
import { useImportPreview } from './useImportPreview.ts'
import { useStartImport } from './useStartImport.ts'
import { useResponsePrograms } from './useResponsePrograms.ts'
import { mayImportKind } from '../../../../src/contract/import-kind-roles.ts'
import { useSignedInUser } from '../session/useSession.ts'

/** Kind → file → preview and column mapping → start (or a dry run that checks without loading). */
export function NewImportForm({ onStarted }: { onStarted: (id: number) => void }) {
  const { t } = useTranslation()
  const user = useSignedInUser()
  // The kinds this role may load (contract/import-kind-roles.ts): a program economist loads responses only.
  const kinds = IMPORT_KINDS.filter((value) => mayImportKind(user.role, value))
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'clients')
  const [program, setProgram] = useState<string | null>(null)
  const needsProgram = kind === 'responses'
  const programs = useResponsePrograms(needsProgram)
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [encoding, setEncoding] = useState('')
  const [dryRun, setDryRun] = useState(true)
  const fields = useImportFields(kind)
  const previewFile = useImportPreview()
  const start = useStartImport()

  const load = (next: { file?: File | null; kind?: ImportKind; encoding?: string }) => {
    const chosen = { file: next.file === undefined ? file : next.file, kind: next.kind ?? kind, encoding: next.encoding ?? encoding }
    setPreview(null)
    setMapping({})
    start.reset()
    if (!chosen.file) return
    previewFile.mutate({ file: chosen.file, kind: chosen.kind, encoding: chosen.encoding }, { onSuccess: setPreview })
  }
  // The mapping is prefilled once the preview and the fields of the kind are both known.
  const fieldList = fields.data?.fields
  const [mappedFor, setMappedFor] = useState<object | null>(null)
  if (preview && fieldList && mappedFor !== preview) {
    setMappedFor(preview)
    setMapping(initialMapping(fieldList, preview))
  }

  const missing = (fieldList ?? []).filter((field) => field.required && !mapping[field.name])
  const canStart = Boolean(file && preview && fieldList && missing.length === 0 && !start.isPending)
  const submit = () => {
    if (!file || !canStart) return
    const forProgram = needsProgram && program ? { program } : {}
    start.mutate({ kind, dryRun, mapping, encoding, file, ...forProgram }, { onSuccess: (answer) => onStarted(answer.id) })
  }

  return (
    <Paper withBorder p="sm" mb="sm">
      <Title order={2} mb="xs">
        {t('imports.new')}
      </Title>
      <Group align="flex-end" gap="xs">
        <Select
          w={200}
          label={t('imports.kind')}
          data={kinds.map((value) => ({ value, label: t(`importKinds.${value}`) }))}
          value={kind}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return
            setKind(value as ImportKind)
            load({ kind: value as ImportKind })
          }}
          data-testid="import-kind"
        />
        {needsProgram && (
          <Select
            w={260}
            label={t('imports.program')}
            placeholder={t('imports.programPlaceholder')}
            data={(programs.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
            value={program}
            onChange={setProgram}
            required
            searchable
            nothingFoundMessage={t('imports.noPrograms')}
            error={programs.data && programs.data.items.length === 0 ? t('imports.noPrograms') : undefined}
            data-testid="import-program"
          />
        )}
        <FileInput
          w={320}
          label={t('imports.file')}
          placeholder={t('imports.filePlaceholder')}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          clearable
          value={file}
          onChange={(next) => {
            setFile(next)
            load({ file: next })
          }}
          data-testid="import-file"
        />
        <Select
          w={170}
          label={t('imports.encoding')}
          data={IMPORT_ENCODINGS.map((value) => ({ value, label: value ? value.toUpperCase() : t('imports.encodingAuto') }))}
          value={encoding}
          allowDeselect={false}
          onChange={(value) => {
            setEncoding(value ?? '')
            load({ encoding: value ?? '' })
          }}
        />
        {previewFile.isPending && <Loader size="xs" mb={6} />}
      </Group>
      <Text fz={11} c="dimmed" mt={4}>
        {t('imports.fileHint')}
      </Text>
      {previewFile.error && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={previewFile.error} />
        </div>
      )}
      {programs.error && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={programs.error} />
        </div>
      )}
      {fields.error && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={fields.error} />
        </div>
      )}
      {preview && (
        <>
          <Divider my="sm" label={t('imports.preview.title')} labelPosition="left" />
          <FilePreviewTable preview={preview} />
          <Divider my="sm" label={t('imports.mapping.title')} labelPosition="left" />
          {fieldList ? (
            <ColumnMapping fields={fieldList} headers={preview.headers} mapping={mapping} onChange={setMapping} />
          ) : (
            <Loader size="xs" />
          )}
          <Group mt="sm" gap="md" align="center">
            <Checkbox
              label={t('imports.dryRun')}
              description={t('imports.dryRunHint')}
              checked={dryRun}
              onChange={(event) => setDryRun(event.currentTarget.checked)}
              data-testid="import-dry-run"
            />
            <Button onClick={submit} disabled={!canStart} loading={start.isPending} data-testid="import-start">
              {dryRun ? t('imports.startDryRun') : t('imports.start')}
            </Button>
            {needsProgram && !program && (
              <Text fz="xs" c="dimmed" maw={420} data-testid="import-events-hint">
                {t('imports.programMissing')}
              </Text>
            )}
            {missing.length > 0 && (
              <Text fz="xs" c="red.7">
                {t('imports.mapping.missing', { fields: missing.map((field) => t(`imports.fields.${field.name}`, { defaultValue: field.name })).join(', ') })}
              </Text>
            )}
          </Group>
        </>
      )}
      {start.error && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={start.error} />
        </div>
      )}
    </Paper>
  )
}
