// Every action the audit log records (audit_events.action), for the auditor's filter and its words
// (web: auditActions.<action with "_" for ".">). test/web-translations.test.ts holds the server's
// `action: '…'` literals to this list.
export const AUDIT_ACTIONS = [
  'auth.login', 'auth.logout', 'auth.login_failed', 'auth.throttled',
  'client.view', 'client.list', 'client.export', 'note.create',
  'selection.count', 'profile.refresh', 'wave.build', 'wave.rebuild',
  'contact_policy.update', 'program.policy_overrides.update', 'program.create', 'program.update', 'program.transition', 'program.explain_srm', 'program.rollout_plan.update', 'program.report_export', 'settings.branch_staff_scope', 'settings.letterhead', 'settings.contact_hours',
  'import.create', 'import.rejections_download', 'response.record', 'response.attribute', 'program.response_definition.update', 'demo.load',
  'user.create', 'user.update', 'product.update',
  'offer.create', 'offer.update', 'offer.approve', 'offer.retire', 'offer.preview',
  'wave.send', 'consent.opt_out', 'contact.export',
  'call_list.build', 'call_list.export', 'call_list.import', 'call.outcome', 'call_policy.update',
  'lead.move', 'lead.note', 'lead.follow_up',
  'uplift_model.train',
  'client_request.create', 'client_request.categorise', 'product_idea.create', 'product_idea.update', 'product_idea.move', 'product_idea.evidence',
  'it_task.create', 'it_task.update', 'it_task.move', 'it_task.comment',
  'complaint.register', 'complaint.move', 'complaint.escalate', 'complaint_sla.update',
  'settings.churn_definition', 'churn.list', 'churn_model.train',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
