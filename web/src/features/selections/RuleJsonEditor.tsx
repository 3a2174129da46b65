import { Button, CopyButton, Group, JsonInput, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RuleShapeError, ruleToTree, type GroupNode } from './rule-tree.ts'
import type { Rule } from './selection-types.ts'

/**
 * The rule as JSON: to copy into a data request for IT, or to paste a rule in. A pasted rule goes
 * into the builder as it is; the server then checks it like any other and points at a bad part.
 */
export function RuleJsonEditor({ rule, onApply, readOnly }: { rule: Rule; onApply: (root: GroupNode) => void; readOnly: boolean }) {
  const { t } = useTranslation()
  const shown = JSON.stringify(rule, null, 2)
  const [text, setText] = useState(shown)
  const [problem, setProblem] = useState<string | null>(null)
  const apply = () => {
    try {
      onApply(ruleToTree(JSON.parse(text)))
    } catch (error) {
      setProblem(error instanceof RuleShapeError ? t('selections.json.unreadable', { path: error.path || 'rule' }) : t('selections.json.invalid'))
    }
  }
  return (
    <Stack gap={6}>
      <Text fz="xs" c="dimmed">
        {t('selections.json.hint')}
      </Text>
      <JsonInput
        aria-label={t('selections.editor.json')}
        value={text}
        onChange={(value) => {
          setText(value)
          setProblem(null)
        }}
        autosize
        minRows={8}
        maxRows={28}
        readOnly={readOnly}
        error={problem}
        styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } }}
        data-testid="rule-json"
      />
      <Group gap="xs">
        {!readOnly && (
          <Button size="xs" onClick={apply} disabled={text === shown} data-testid="rule-json-apply">
            {t('selections.json.apply')}
          </Button>
        )}
        {!readOnly && text !== shown && (
          <Button size="xs" variant="default" onClick={() => setText(shown)}>
            {t('selections.json.reset')}
          </Button>
        )}
        <CopyButton value={shown}>
          {({ copied, copy }) => (
            <Button size="xs" variant="subtle" onClick={copy}>
              {copied ? t('selections.json.copied') : t('selections.json.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  )
}
