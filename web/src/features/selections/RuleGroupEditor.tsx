import { ActionIcon, Box, Button, Group, Paper, SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { ConditionRow, type RuleError } from './ConditionRow.tsx'
import { newCondition, newGroup, type GroupNode, type RuleNode } from './rule-tree.ts'
import type { FieldDefinition, SelectionCatalogue } from './selection-types.ts'

export type RuleGroupEditorProps = {
  group: GroupNode
  depth: number
  catalogue: SelectionCatalogue
  fields: ReadonlyMap<string, FieldDefinition>
  /** Replaces one node (by id) anywhere below. */
  onNodeChange: (node: RuleNode) => void
  onAdd: (groupId: string, node: RuleNode) => void
  onRemove: (nodeId: string) => void
  selectionId: number | null
  error: RuleError | null
  /** The node just added: its first input takes the focus, so the keyboard goes on from there. */
  focusId: string | null
  readOnly: boolean
}

// Nested groups step through calm colours, so that which group a row belongs to stays visible.
const BORDERS = ['navy.6', 'teal.6', 'grape.6', 'orange.6']

/** A group of conditions: all of them or any of them, optionally negated, with nested groups. */
export function RuleGroupEditor(props: RuleGroupEditorProps) {
  const { t } = useTranslation()
  const { group, depth, readOnly } = props
  const groupError = props.error?.nodeId === group.id ? props.error : null
  const joiner = group.mode === 'all' ? t('selections.builder.and') : t('selections.builder.or')
  return (
    <Paper
      withBorder
      p="xs"
      pl="sm"
      data-testid="rule-group"
      bg={depth === 0 ? 'white' : 'gray.0'}
      style={{
        borderLeft: `3px solid var(--mantine-color-${(groupError ? 'red.6' : BORDERS[depth % BORDERS.length]!).replace('.', '-')})`,
      }}
    >
      <Group gap="sm" mb={6} wrap="nowrap">
        <SegmentedControl
          aria-label={t('selections.builder.mode')}
          value={group.mode}
          onChange={(mode) => props.onNodeChange({ ...group, mode: mode as 'all' | 'any' })}
          readOnly={readOnly}
          data={[
            { value: 'all', label: t('selections.builder.all') },
            { value: 'any', label: t('selections.builder.any') },
          ]}
        />
        <Switch
          label={t('selections.builder.negate')}
          checked={group.negate}
          onChange={(event) => !readOnly && props.onNodeChange({ ...group, negate: event.currentTarget.checked })}
          color="red"
          size="xs"
          disabled={readOnly}
        />
        <Box flex={1} />
        {depth > 0 && !readOnly && (
          <ActionIcon variant="subtle" color="gray" aria-label={t('selections.builder.removeGroup')} onClick={() => props.onRemove(group.id)}>
            ×
          </ActionIcon>
        )}
      </Group>
      {group.negate && (
        <Text fz="xs" c="red.8" mb={6}>
          {t('selections.builder.negateHint')}
        </Text>
      )}
      <Stack gap={4}>
        {group.children.length === 0 && (
          <Text fz="xs" c="dimmed" py={4}>
            {t('selections.builder.emptyGroup')}
          </Text>
        )}
        {group.children.map((child, i) => (
          <Fragment key={child.id}>
            {i > 0 && (
              <Text fz={10} fw={700} c="dimmed" tt="uppercase" lts={0.5} aria-hidden>
                {joiner}
              </Text>
            )}
            {child.type === 'group' ? (
              <RuleGroupEditor {...props} group={child} depth={depth + 1} />
            ) : (
              <ConditionRow
                node={child}
                catalogue={props.catalogue}
                fields={props.fields}
                onChange={props.onNodeChange}
                onRemove={() => props.onRemove(child.id)}
                selectionId={props.selectionId}
                error={props.error?.nodeId === child.id ? props.error : null}
                readOnly={readOnly}
                autoFocus={props.focusId === child.id}
              />
            )}
          </Fragment>
        ))}
      </Stack>
      {groupError && (
        <Text fz="xs" c="red" mt={4} role="alert" data-testid="group-error">
          {groupError.message}
        </Text>
      )}
      {!readOnly && (
        <Group gap={6} mt={8}>
          <Button variant="light" size="compact-xs" onClick={() => props.onAdd(group.id, newCondition())} data-testid="add-condition">
            + {t('selections.builder.addCondition')}
          </Button>
          <Button variant="subtle" size="compact-xs" onClick={() => props.onAdd(group.id, newGroup(group.mode === 'all' ? 'any' : 'all'))} data-testid="add-group">
            + {t('selections.builder.addGroup')}
          </Button>
        </Group>
      )}
    </Paper>
  )
}
