import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ComplaintFileUpload } from '../../../../src/contract/complaint-file-schemas.ts'
import { translateReason } from '../../i18n/translate-reason.ts'

/** What the upload loaded, and each rejected row with its line and reason. */
export function ComplaintFileUploadResult({ result }: { result: ComplaintFileUpload }) {
  const { t } = useTranslation()
  return (
    <>
      <Text fz="xs" mt="xs" data-testid="complaint-file-result">
        {t('marketComplaints.loaded', { loaded: result.loaded, added: result.added, rejected: result.rejected, format: t(`marketComplaints.formats.${result.format}`) })}
      </Text>
      {result.rejections.length > 0 && (
        <Table fz="xs" mt={4} striped>
          <Table.Thead><Table.Tr><Table.Th>{t('marketComplaints.line')}</Table.Th><Table.Th>{t('marketComplaints.reason')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {result.rejections.map((r) => (
              <Table.Tr key={r.line}><Table.Td>{r.line}</Table.Td><Table.Td>{r.reasons?.[0] ? translateReason(t, r.reasons[0], { fallback: r.reason }) : r.reason}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
