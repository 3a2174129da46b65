import { Tabs } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RuleError } from './ConditionRow.tsx'
import { RuleGroupEditor } from './RuleGroupEditor.tsx'
import { RuleJsonEditor } from './RuleJsonEditor.tsx'
import { appendChild, removeNode, updateNode, type GroupNode, type RuleNode } from './rule-tree.ts'
import type { FieldDefinition, Rule, SelectionCatalogue } from './selection-types.ts'

export type RuleBuilderProps = {
  root: GroupNode
  onChange: (root: GroupNode) => void
  rule: Rule
  catalogue: SelectionCatalogue
  fields: ReadonlyMap<string, FieldDefinition>
  selectionId: number | null
  error: RuleError | null
  readOnly: boolean
}

/** The rule as a tree of groups and conditions, or as its JSON (to copy, or to paste one in). */
export function RuleBuilder(props: RuleBuilderProps) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<string | null>('builder')
  const [focusId, setFocusId] = useState<string | null>(null)
  const { root, onChange } = props
  const add = (groupId: string, node: RuleNode) => {
    onChange(appendChild(root, groupId, node))
    setFocusId(node.type === 'group' ? (node.children[0]?.id ?? null) : node.id)
  }
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="xs">
        <Tabs.Tab value="builder" data-testid="tab-builder">
          {t('selections.editor.builder')}
        </Tabs.Tab>
        <Tabs.Tab value="json" data-testid="tab-json">
          {t('selections.editor.json')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="builder">
        <RuleGroupEditor
          group={root}
          depth={0}
          catalogue={props.catalogue}
          fields={props.fields}
          onNodeChange={(node) => onChange(updateNode(root, node.id, () => node))}
          onAdd={add}
          onRemove={(id) => onChange(removeNode(root, id))}
          selectionId={props.selectionId}
          error={props.error}
          focusId={focusId}
          readOnly={props.readOnly}
        />
      </Tabs.Panel>
      <Tabs.Panel value="json">
        <RuleJsonEditor
          rule={props.rule}
          readOnly={props.readOnly}
          onApply={(next) => {
            onChange(next)
            setTab('builder')
          }}
        />
      </Tabs.Panel>
    </Tabs>
  )
}
