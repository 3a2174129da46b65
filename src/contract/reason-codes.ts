// Every reason the server gives for refusing a request, failing an import or rejecting a row: a
// closed list of dotted codes, each with the names of its parameters. The web (i18next) and the CLI
// (--lang) translate a reason by its code from contract/messages/{ru,en}.json; the English message
// beside it is for logs and old clients only. A new code goes here AND in both message files
// (contract/reason-messages.test.ts fails otherwise).
//
// Parameters are flat values. `column` is the header as the user's file spells it, `field` a field
// code (translated by the reader), `value` the offending text, `line` a line of the file, `path`
// the part of a rule (`all[1].value`) so the rule builder can mark its row.
export const REASON_PARAMS = {
  // Requests the edge refuses before any use case runs.
  'request.invalid': ['field', 'issue'],
  'request.not_multipart': [],
  'request.file_too_large': [],
  'request.no_file': [],
  'request.bad_form': ['field', 'issue'],
  'request.no_route': ['method', 'url'],
  'request.malformed': ['detail'],
  'request.internal': [],
  'request.nul_character': ['field'],
  'request.bad_request_line': [],
  'request.headers_too_large': [],

  // Sign-in and access.
  'auth.sign_in_first': [],
  'auth.wrong_password': [],
  'auth.throttled': ['minutes'],
  'auth.role_forbidden': ['role'],
  'auth.no_access_rule': [],

  // Users (the admin's page).
  'user.login_taken': ['login'],
  'user.not_found': ['id'],
  'user.cannot_deactivate_self': [],
  'user.cannot_change_own_role': [],
  'user.branch_required': ['path'],
  'user.unknown_branch': ['path', 'branchId'],

  // Selection rules (core/selection/parse-rule.ts, compile-rule.ts); every one carries `path`.
  'rule.too_deep': ['path', 'limit'],
  'rule.too_many_parts': ['path', 'limit'],
  'rule.not_object': ['path'],
  'rule.one_key': ['path'],
  'rule.not_list': ['path'],
  'rule.empty_group': ['path'],
  'rule.unknown_field': ['path', 'field'],
  'rule.op_not_allowed': ['path', 'field', 'ops'],
  'rule.takes_no_value': ['path', 'op'],
  'rule.not_selection_id': ['path'],
  'rule.boolean_op': ['path'],
  'rule.not_number': ['path'],
  'rule.out_of_range': ['path', 'min', 'max'],
  'rule.between_pair': ['path'],
  'rule.min_over_max': ['path'],
  'rule.no_value': ['path'],
  'rule.not_allowed': ['path', 'allowed'],
  'rule.bad_code': ['path', 'maxLength'],
  'rule.too_many_values': ['path', 'limit'],
  'rule.no_qualifier': ['path', 'field', 'qualifier'],
  'rule.no_saved_selection': ['path', 'id'],
  'rule.self_reference': ['path', 'id'],
  'rule.too_large': ['path', 'limit', 'nodes', 'chain'],
  'rule.expanded_too_deep': ['path', 'limit', 'depth', 'chain'],
  'rule.not_compilable': ['path', 'field'],
  'rule.unknown_product': ['path', 'product'],

  // Selections, programs, waves, clients.
  'selection.not_found': ['id'],
  'selection.name_taken': ['name'],
  'program.not_found': ['id'],
  'program.code_taken': ['program'],
  'program.move_not_allowed': ['status', 'to', 'allowed'],
  'program.role_may_not_move': ['role', 'status', 'to', 'roles'],
  'program.four_eyes': ['login'],
  'program.changed_since_read': ['updatedAt'],
  'program.checklist_unmet': ['items'],
  'program.not_editable': ['status'],
  'program.end_before_start': ['field'],
  'program.unknown_product': ['field', 'product'],
  'program.unknown_selection': ['field', 'id'],
  'program.unknown_owner': ['field', 'id'],
  'program.negative_budget': ['field', 'value'],
  'program.unknown_offer': ['field', 'offer'],
  'program.offer_retired': ['field', 'offer'],

  // A program's business case (core/program/check-business-case.ts); `field` is its path.
  'case.rate_out_of_range': ['field', 'value'],
  'case.negative_amount': ['field', 'value'],
  'case.not_kopecks': ['field', 'value'],
  'case.not_whole': ['field', 'value'],
  'case.horizon_out_of_range': ['field', 'value', 'max'],
  'case.duplicate_channel': ['field', 'channel'],
  'case.missing': ['fields'],
  'case.no_product': [],
  // The product catalogue (core/check-product-terms.ts); `field` is the term as the API names it.
  'product.not_found': ['product'],
  'product.rate_out_of_range': ['field', 'value'],
  'product.too_precise': ['field', 'value', 'decimals'],
  'product.bad_lifetime': ['field', 'value'],
  'product.not_credit': ['field', 'type'],
  // A program's rollout plan (core/program/check-rollout-plan.ts, plan-rollout.ts); `field` is the request's.
  'rollout.not_whole': ['field', 'value', 'min', 'max'],
  'rollout.not_positive': ['field', 'value', 'max'],
  'rollout.end_before_start': ['field'],
  'rollout.too_long': ['field', 'years', 'last'],
  'rollout.too_many_waves': ['field', 'waves', 'max'],
  'rollout.unknown_channel': ['field', 'channel'],
  'rollout.no_channels': [],
  'wave.not_found': ['id'],
  'wave.bad_control_share': [],
  'wave.sample_too_large': ['path', 'size', 'available'],
  'wave.unknown_branch': ['path', 'value'],
  'wave.unknown_region': ['path', 'value'],
  // Sending (app/wave/send-wave.ts).
  'wave.channel_not_configured': ['channel', 'setting'],
  'wave.channel_not_sent': ['channel'],
  'wave.program_not_running': ['status', 'needed'],
  'wave.no_offer': ['program'],
  'wave.offer_not_approved': ['offer', 'version'],
  'wave.offer_not_valid': ['offer', 'validFrom', 'validUntil'],
  'wave.sending_elsewhere': ['wave'],
  'wave.already_sending': ['wave'],
  // Opt-outs and the SMS gateway's callbacks (app/opt-out).
  'unsubscribe.bad_link': [],
  'sms.unknown_reference': ['reference'],
  'sms.bad_token': [],
  // Pilot design (core/program/design-program-pilot.ts): warnings, and a default the case cannot give.
  'pilot.selection_too_small': ['requiredTarget', 'requiredControl', 'availableTarget', 'availableControl'],
  'pilot.over_planned_size': ['required', 'planned'],
  'pilot.no_default': ['field'],
  'client.not_found': ['id'],
  'client.out_of_scope': ['id'],
  'client.page_too_large': ['limit', 'max'],
  'client.page_too_deep': ['offset', 'max'],
  'settings.bad_branch_scope': ['value', 'allowed'],
  'export.too_many_for_xlsx': ['count'],

  // Imports as a whole: the file cannot be read, so nothing is loaded.
  'import.not_found': ['id'],
  'import.no_such_file': ['id', 'file'],
  'import.empty_file': [],
  'import.empty_workbook': [],
  'import.unreadable_workbook': ['detail'],
  'import.xls_workbook': [],
  'import.unreadable_file': ['detail'],
  'import.not_text': [],
  'import.unknown_encoding': ['encoding'],
  'import.unclosed_quote': ['line'],
  'import.record_too_long': ['line', 'limit'],
  'import.too_many_fields': ['line', 'limit'],
  'import.no_header': ['line', 'limit'],
  'import.too_many_cells': ['line', 'limit'],
  'import.row_too_long': ['line', 'limit'],
  'import.row_xml_too_long': ['line', 'limit'],
  'import.xlsx_too_large': ['limit'],
  'import.too_many_parts': ['limit'],
  'import.xlsx_part_too_large': ['part', 'limit'],
  'import.xlsx_part_too_complex': ['part', 'limit'],
  'import.shared_strings_too_large': ['limit'],
  'import.too_many_shared_strings': ['limit'],
  'import.unknown_mapping_field': ['field'],
  'import.mapping_column_missing': ['field', 'column'],
  'import.missing_columns': ['fields'],
  'import.berka_missing_columns': ['file', 'columns'],
  'import.berka_missing_files': ['files'],
  // Hillstrom's e-mail experiment (app/import/hillstrom/): the file is the published one or nothing loads.
  // Complaint files (core/import/cfpb/): the header, then each row's cells.
  'import.cfpb_bad_header': ['format', 'columns'],
  'import.cfpb_unknown_product': ['column', 'value', 'known'],
  'import.cfpb_blank': ['column'],
  'import.cfpb_bad_date': ['column', 'value'],
  'import.cfpb_bad_yes_no': ['column', 'value'],
  'import.cfpb_bad_complaint_id': ['column', 'value'],
  'import.cfpb_nul_character': ['column'],
  'import.cfpb_cut_off': ['line'],
  'import.cfpb_unknown_format': ['format', 'known'],
  'import.hillstrom_bad_header': ['columns'],
  'import.hillstrom_bad_cell': ['line', 'column', 'value', 'rule'],
  'import.hillstrom_row_count': ['rows', 'expected'],
  'import.hillstrom_program_taken': ['program'],
  'import.failed': ['detail'],
  'import.interrupted': [],
  'import.upload_missing': [],
  'import.database_kept_refusing': [],
  'import.program_required': ['kind'],
  'import.program_not_for_kind': ['kind'],
  'import.kind_forbidden': ['role', 'kind'],
  'import.read_forbidden': ['role', 'kind'],

  // Rejected rows of an import: the row is not loaded, the others are.
  'import.bad_cell_count': ['cells', 'header'],
  'import.text_after_quote': ['cell'],
  'import.bad_encoding': ['encoding'],
  'import.utf8_in_1251': ['encoding'],
  'import.duplicate_row': ['key', 'firstLine'],
  'import.required_blank': ['column', 'field'],
  'import.required_for_new': ['column', 'field'],
  'import.no_column_for_new': ['field'],
  'import.database_refused': ['detail'],
  'import.unknown_client': ['column', 'value'],
  'import.too_long': ['column', 'field', 'value', 'limit'],
  'import.nul_character': ['column', 'field'],
  'import.bad_date': ['column', 'field', 'value'],
  'import.future_date': ['column', 'field', 'value', 'today'],
  'import.bad_month': ['column', 'field', 'value'],
  'import.bad_timestamp': ['column', 'field', 'value'],
  'import.bad_number': ['column', 'field', 'value'],
  'import.bad_count': ['column', 'field', 'value'],
  'import.bad_boolean': ['column', 'field', 'value'],
  'import.bad_grant': ['column', 'field', 'value'],
  'import.bad_phone': ['column', 'field', 'value'],
  'import.bad_email': ['column', 'field', 'value'],
  'import.bad_gender': ['column', 'field', 'value'],
  'import.bad_segment': ['column', 'field', 'value'],
  'import.bad_client_status': ['column', 'field', 'value'],
  'import.bad_channel': ['column', 'field', 'value'],
  'import.bad_utc_offset': ['column', 'field', 'value'],
  'import.unknown_branch': ['column', 'field', 'value'],
  'import.unknown_region': ['column', 'field', 'value'],
  'import.unknown_product': ['column', 'field', 'value'],
  'import.unknown_manager': ['column', 'field', 'value'],
  'import.bad_response_type': ['column', 'field', 'value'],
  // A call log (issue 10, item 6): the phone is quoted masked, the way the client list shows it.
  'import.bad_duration': ['column', 'field', 'value'],
  'import.negative_duration': ['column', 'field', 'value'],
  'import.bad_call_outcome': ['column', 'field', 'value'],
  'import.bad_call_direction': ['column', 'field', 'value'],
  'import.unknown_phone': ['column', 'value'],
  'import.shared_phone': ['column', 'value', 'clients'],

  // Responses of a program (core/response/, app/response/), rejected rows of an import and refused
  // API requests alike: `column` is the file's header or the request's field.
  'response.value_required': ['column', 'field', 'type'],
  'response.negative_value': ['column', 'field', 'value'],
  'response.fractional_kopecks': ['column', 'field', 'value'],
  'response.not_member': ['column', 'value', 'program'],
  'response.before_wave': ['column', 'value', 'program', 'respondedAt', 'builtAt'],
  'response.unknown_client': ['column', 'value'],
  'response.future_time': ['column', 'value', 'today'],

  // Statistics (core/stats/): pilot sizes, comparisons of arms, the verdict's numbers. `field` is
  // the input as the CLI and the API name it (`baseline`, `control_share`, `target_x`…).
  'stats.not_number': ['field', 'value'],
  'stats.bad_rate': ['field', 'value'],
  'stats.bad_share': ['field', 'value'],
  'stats.bad_level': ['field', 'value'],
  'stats.low_power': ['value'],
  'stats.zero_uplift': ['field'],
  'stats.rate_beyond_bounds': ['baseline', 'uplift'],
  'stats.undetectable': ['target', 'control', 'baseline'],
  'stats.bad_count': ['field', 'value'],
  'stats.responders_over_members': ['field', 'value', 'members'],
  'stats.too_few_members': ['field', 'min'],
  'stats.no_variance': ['field'],
  'stats.too_large': ['field', 'limit'],
  'stats.duplicate_type': ['type'],
  // Uplift-model metrics over a file of scores (core/stats/qini-auc-score.ts and beside it):
  // `column` is the file's header, `option` the CLI option that named it (`--score`).
  'stats.bad_k': ['value'],
  'stats.no_rows': [],
  'stats.missing_column': ['column', 'option', 'columns'],
  'stats.duplicate_column': ['column', 'option'],
  'stats.not_binary': ['column', 'line', 'value'],
  'stats.not_score': ['column', 'line', 'value'],
  'stats.bad_row': ['line', 'detail'],
  'stats.one_group': ['column', 'value'],
  'stats.one_outcome': ['column', 'value'],

  // Models an analyst trains on a file (core/model/, `otklik model train`). `column` is the file's
  // header; `label` the label's class as the file writes it ("yes", "1"); `part` train or test.
  'model.unknown_column': ['column', 'option', 'columns'],
  'model.duplicate_column': ['column'],
  'model.time_is_label': ['column'],
  'model.bad_label': ['line', 'column', 'value'],
  'model.one_class': ['column', 'value'],
  'model.too_few_in_class': ['column', 'label', 'count', 'min'],
  'model.part_lacks_class': ['part', 'label', 'column'],
  'model.bad_time': ['line', 'column', 'value'],
  'model.too_few_times': ['column'],
  'model.too_many_levels': ['column', 'count', 'max'],
  'model.no_features': ['label'],
  'model.field_count': ['line', 'count', 'expected'],
  'model.unreadable_row': ['line', 'detail'],
  'model.too_many_rows': ['limit'],
  'model.bad_test_share': ['value'],
  'model.bad_seed': ['value'],
  'model.bad_penalty': ['value'],
  'model.bad_split': ['value'],
  'model.not_number': ['column', 'value'],
  'model.not_converged': ['iterations'],
  'model.constant_dropped': ['column', 'value'],
  'model.missing_filled': ['column', 'count'],
  'model.unseen_levels': ['column', 'count'],
  'model.uplift_group_empty': ['part', 'group'],
  'model.uplift_group_one_outcome': ['part', 'group', 'value'],
  'model.uplift_too_few_responders': ['group', 'count', 'min'],
  'model.uplift_no_features': ['count'],
  'model.bad_model_file': ['path', 'issue'],
  'model.feature_column_missing': ['column'],
  'model.not_number_on_line': ['line', 'column', 'value'],

  // The verdict of a pilot in money (core/program/recommend-verdict.ts): the recommendation in
  // words (not refusals), and what keeps a verdict from being judged or decided. Money in roubles.
  'verdict.rollout': ['profitLow'],
  'verdict.stop': ['upliftHigh', 'breakEven'],
  'verdict.stop_no_earning': [],
  'verdict.extend': ['profitLow', 'upliftHigh', 'breakEven'],
  'verdict.blocked_srm': ['p'],
  'verdict.no_pilot_wave': ['program'],
  'verdict.no_members': ['wave'],
  'verdict.srm_unexplained': ['p'],
  'verdict.nothing_to_explain': ['program'],

  // Offers and their templates (core/offer/, app/offer/). A template's reason names the channel's
  // part (`part`: subject, body_html, body_text, script), its line and column, counted from 1.
  'template.syntax': ['part', 'line', 'column', 'detail'],
  'template.unknown_field': ['part', 'line', 'column', 'field'],
  'template.unknown_filter': ['part', 'line', 'column', 'filter'],
  'template.tag_not_allowed': ['part', 'line', 'column', 'tag'],
  'template.too_long': ['part', 'limit'],
  'template.too_slow': ['part', 'limit'],
  'template.too_large': ['part', 'limit'],
  'template.render_failed': ['part', 'line', 'column', 'detail'],
  'offer.not_found': ['offer'],
  'offer.code_taken': ['offer'],
  'offer.changed_since_read': ['version'],
  'offer.four_eyes': ['login'],
  'offer.not_approvable': ['status'],
  'offer.no_template': ['channel'],
  'offer.sms_too_long': ['segments', 'max'],
  'offer.end_before_start': ['field'],
  'offer.unknown_product': ['field', 'product'],

  // The call centre (core/call-centre/, app/call-centre/): outcomes, call lists and their import.
  'call.business_outcome_needed': ['technical'],
  'call.business_outcome_unreached': ['technical', 'business'],
  'call.callback_time_needed': [],
  'call.callback_in_past': ['at'],
  'call.callback_after_program': ['at', 'end'],
  'call.callback_time_unexpected': ['business'],
  'call.do_not_call_scope_needed': [],
  'call.not_call_wave': ['wave', 'channel'],
  'call.list_exists': ['wave'],
  'call.task_not_found': ['client', 'wave'],
  'call.task_not_yours': ['client', 'wave'],
  'call.not_an_operator': ['operator'],
  'call.import_unknown_client': ['value'],
  'call.import_not_in_list': ['value'],
  'call.import_unknown_outcome': ['column', 'value'],
  'call.import_bad_time': ['column', 'value'],
  'call.import_missing_column': ['column'],
  'call.import_task_closed': ['value', 'status'],
  // The call log's analysis (issue 10, item 6).
  'call.period_too_long': ['days', 'max'],
  'call.import_bad_file': ['detail'],
  // Churn (core/churn/, app/churn/): the bank's definition and the churn model.
  'churn.no_criterion': ['field'],
  'churn.no_salary_products': ['field'],
  'churn.unknown_salary_product': ['field', 'value'],
  'churn.bad_horizon': ['field', 'value'],
  'churn.too_little_history': ['part', 'cutoff'],
  'churn.no_model': [],

  // Leads (contract/lead-statuses.ts).
  'lead.move_not_allowed': ['status', 'to', 'allowed'],
  'lead.not_found': ['lead'],
  'lead.closed': ['status'],
  'lead.unknown_product': ['product'],
  'lead.holding_not_client': ['holding'],
  // Complaints (contract/complaint-statuses.ts, complaint-categories.ts).
  'complaint.move_not_allowed': ['status', 'to', 'allowed'],
  'complaint.not_found': ['complaint'],
  'complaint.unknown_category': ['field', 'value'],
  'complaint.unknown_client': ['field', 'value'],
  'complaint.unknown_product': ['field', 'value'],
  'complaint.unknown_owner': ['field', 'value'],
  'complaint.resolution_required': ['field'],
  'link.bad_link': [],
  // What branches hear and tasks for IT (contract/product-idea-statuses.ts, it-task-statuses.ts).
  'client_request.not_found': ['request'],
  'product_idea.not_found': ['idea'],
  'product_idea.move_not_allowed': ['status', 'to', 'allowed'],
  'product_idea.unknown_request': ['field', 'request'],
  'it_task.not_found': ['task'],
  'it_task.move_not_allowed': ['status', 'to', 'allowed'],
  'it_task.unknown_selection': ['field', 'id'],
  'offer.retired': ['offer'],
  'offer.already_retired': ['offer'],
  'offer.sms_over_limit': ['field', 'segments', 'max'],

  // The embedded database's directory (db/lock-data-dir.ts).
  'db.data_dir_in_use': ['dir', 'path', 'pid', 'host', 'command', 'startedAt'],
  'db.data_dir_locked': ['path'],

  // Starting the server (main.ts) and the CLI's user commands.
  'start.demo_passwords_in_public': ['host', 'logins'],
  'user.password_too_short': ['min'],

  // The demo bank and the CLI's own files.
  'demo.bad_client_count': ['max'],
  'demo.bad_seed': [],
  'demo.not_empty': ['count'],
  'cli.file_unreadable': ['path', 'detail'],
  'cli.file_not_json': ['path'],
  'cli.case_file_unreadable': ['path', 'detail'],
  'cli.case_file_not_json': ['path'],
  'cli.bad_limit': ['max'],
  'cli.mapping_not_object': ['path'],
} as const satisfies Record<string, readonly string[]>

export type ReasonCode = keyof typeof REASON_PARAMS
export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[]
export type ReasonParamName<C extends ReasonCode> = (typeof REASON_PARAMS)[C][number]
export type ReasonValue = string | number | boolean | null

/** `{ code: 'import.bad_date', column: 'Дата рождения', field: 'birth_date', value: '31.02.1990' }` */
export type Reason<C extends ReasonCode = ReasonCode> = C extends ReasonCode ? { code: C } & { [P in ReasonParamName<C>]: ReasonValue } : never

/** A reason as read from the wire or the database: a known code or not, params unchecked. */
export type AnyReason = { code: string } & Record<string, unknown>

const KNOWN = new Set<string>(REASON_CODES)

export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'string' && KNOWN.has(code)
}

/** The reason carried by an error's details, if they have one with a known code. */
export function reasonOf(details: unknown): Reason | undefined {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined
  return isReasonCode((details as { code?: unknown }).code) ? (details as Reason) : undefined
}

/**
 * Builds a reason with exactly its declared parameters (extra ones are a type error):
 * `reason('import.bad_date', { column, field, value })`, `reason('auth.sign_in_first')`.
 */
export function reason<C extends ReasonCode>(
  code: C,
  ...params: [ReasonParamName<C>] extends [never] ? [] : [{ [P in ReasonParamName<C>]: ReasonValue }]
): Reason<C> {
  return { code, ...(params[0] ?? {}) } as Reason<C>
}
