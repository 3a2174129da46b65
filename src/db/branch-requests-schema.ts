import type { ColumnType, Generated } from 'kysely'
import type { ItTaskKind, ItTaskStatus } from '../contract/it-task-statuses.ts'
import type { ProductIdeaStatus } from '../contract/product-idea-statuses.ts'
import type { ProductType } from '../contract/product-types.ts'
import type { RequestCategory } from '../contract/request-categories.ts'
import type { Segment } from '../contract/segments.ts'

// Kysely's view of what branches hear and the tasks for IT (migration 0036), joined into Schema in schema.ts.
type Timestamp = ColumnType<Date, Date | string, Date | string>
type DateOnly = ColumnType<string, string, string>

export type ClientRequestTable = {
  client_id: number
  id: Generated<number>
  branch_id: number | null
  segment: Segment
  body: string
  product_type: ProductType | null
  category: RequestCategory
  author_id: number | null
  author_login: string
  created_at: Timestamp
  categorised_by: string | null
  categorised_at: Timestamp | null
}

export type ProductIdeaTable = {
  id: Generated<number>
  title: string
  description: Generated<string>
  product_type: ProductType | null
  status: ColumnType<ProductIdeaStatus, ProductIdeaStatus | undefined, ProductIdeaStatus>
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  status_changed_at: Timestamp
}

export type ProductIdeaRequestTable = { idea_id: number; client_id: number; request_id: number; linked_by: string; linked_at: Timestamp }

export type ItTaskTable = {
  id: Generated<number>
  title: string
  description: Generated<string>
  kind: ItTaskKind
  client_count: number | null
  selection_id: number | null
  fields: ColumnType<string[], string[] | undefined, string[]>
  status: ColumnType<ItTaskStatus, ItTaskStatus | undefined, ItTaskStatus>
  owner: string | null
  due_date: DateOnly | null
  created_by: number | null
  created_by_login: string
  created_at: Timestamp
  updated_at: Timestamp
  closed_at: Timestamp | null
}

export type ItTaskCommentTable = { task_id: number; id: Generated<number>; author_id: number | null; author_login: string; at: Timestamp; text: string }

export type BranchRequestsSchema = {
  client_requests: ClientRequestTable
  product_ideas: ProductIdeaTable
  product_idea_requests: ProductIdeaRequestTable
  it_tasks: ItTaskTable
  it_task_comments: ItTaskCommentTable
}
