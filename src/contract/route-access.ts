import type { Role } from './roles.ts'
import { COMPLAINT_FILE_IMPORTERS } from './import-kind-roles.ts'

/**
 * Who may call a route: `public`, any signed-in user (`signed_in`), or a list of roles. A route
 * that declares nothing is refused (fail closed), see http/build-server.ts.
 */
export type Access = 'public' | 'signed_in' | readonly Role[]

// Who may call each API route: the one table the route modules read their `config.access` from,
// the web reads to offer only what the API allows (web/src/app/permissions.ts),
// and the one the role × route test (route-access.db.test.ts) checks every registered route
// against. A route missing here fails that test. Need to know decides (152-FZ; DESIGN.md roles):
// the auditor reads the audit log and nothing about clients; the admin manages users and imports
// but reads no client data; personal fields are masked per role by core/clearance.ts on top.

/** Everyone whose work touches clients: they search the base and open client cards. */
const CLIENT_WORK = ['head', 'manager', 'client_economist', 'analyst', 'program_economist', 'marketer', 'operator', 'branch'] as const
/** Bulk exports of the base are for the office roles that work with lists, not the front line. */
const CLIENT_EXPORT = ['head', 'manager', 'client_economist', 'analyst', 'program_economist'] as const
/** Notes come from whoever talks to the client: branches, the call centre, VIP and complaint work. */
const NOTE_WRITERS = ['manager', 'client_economist', 'operator', 'branch'] as const
/**
 * Loading data: the admin runs imports, the analyst owns client-base quality, program economists
 * load their programs' responses, the client economist the call centre's call logs. Which kinds each may load: contract/import-kind-roles.ts.
 */
const IMPORTERS = ['admin', 'analyst', 'program_economist', 'client_economist'] as const
/** The head follows what was loaded (the history), but does not load or download rows. */
const IMPORT_HISTORY_READERS = [...IMPORTERS, 'head'] as const
const AUDIT_READERS = ['auditor', 'admin'] as const
/**
 * Churn (issue 10, item 3): the office roles who walk client lists read the churned clients, the
 * report and the model; the head and the analyst own what counts as churn. The retention template
 * saves a selection and a program draft: the program economist's work.
 */
const CHURN_READERS = CLIENT_EXPORT
const CHURN_DEFINERS = ['head', 'analyst'] as const
const RETENTION_TEMPLATE_WRITERS = ['program_economist'] as const
const CALL_LOG_READERS = ['head', 'client_economist', 'analyst'] as const
/** Selections and waves: the analyst prepares them, program economists run programs on them. */
const SELECTION_READERS = ['head', 'manager', 'client_economist', 'analyst', 'program_economist', 'marketer'] as const
const SELECTION_WRITERS = ['analyst', 'program_economist'] as const
/** Sending a wave to clients: the program economists run programs (the head decided the pilot or rollout before). */
const WAVE_SENDERS = ['program_economist'] as const
/**
 * A wave's or a program's contacts, client by client (issue 8, item 7): the office roles who may walk
 * and export lists of clients (CLIENT_EXPORT). Not the marketer, whose client lists stop at a few
 * examples (core/client-list-bounds.ts) — a keyset history has no depth to bound — and who reads a
 * wave's totals in its sending panel.
 */
const CONTACT_HISTORY_READERS = [...CLIENT_EXPORT] as const
/** The contact policy is the department's rule book: the head sets it, the admin may maintain it. */
const POLICY_WRITERS = ['head', 'admin'] as const
/** A program's own overrides of that policy: the program economist who runs it, and the head. */
const PROGRAM_POLICY_WRITERS = ['program_economist', 'head'] as const
/** The registry of programs: whoever works with programs reads it; the marketer reads it without the money (the product economics). */
const PROGRAM_READERS = [...SELECTION_READERS] as const
/** Economists prepare programs; the head may too. Who may make which move is core/program/program-moves.ts. */
const PROGRAM_WRITERS = ['program_economist', 'head'] as const
/** A program's responses: recorded by who runs programs and who analyses them (as they import them, contract/import-kind-roles.ts). */
const RESPONSE_RECORDERS = ['program_economist', 'analyst'] as const
/** The case's readers: the responses summary holds value sums in roubles. */
const PROGRAM_MONEY_READERS = ['head', 'manager', 'client_economist', 'analyst', 'program_economist'] as const
/** A pilot's verdict: the head decides on it, the program economists run the pilot, the analyst checks the numbers. */
const VERDICT_READERS = ['head', 'program_economist', 'analyst'] as const
const ADMIN = ['admin'] as const
/**
 * The product catalogue's terms (FTP, rates, fees, PD, LGD, lifetime) are what every business case
 * counts on: the head keeps them, being the one who approves cases on them, and the admin maintains
 * them as the other settings. Not the economists: whoever proposes a case must not also set the
 * margins it is judged by (the four eyes of the approval).
 */
const CATALOGUE_KEEPERS = ['head', 'admin'] as const
/** Offers (issue 8): the marketer writes them; the head or a manager approves another's version; the program roles read them and preview them for a client. */
const OFFER_WRITERS = ['marketer'] as const
const OFFER_APPROVERS = ['head', 'manager'] as const
const OFFER_READERS = [...PROGRAM_READERS] as const

/**
 * The call centre (issue 8, item 5): program economists build a wave's call list, hand it to an
 * external centre and load its outcomes back; operators work it; the head, the economists and the
 * client economist (who looks after call-centre data) follow the supervisor's board.
 */
const CALL_LIST_KEEPERS = ['program_economist'] as const
const CALL_OPERATORS = ['operator'] as const
const CALL_SUPERVISORS = ['head', 'program_economist', 'client_economist'] as const
/**
 * Complaints (issue 10, item 1): whoever hears one registers it — branch staff, the call centre,
 * managers, the client economist who works them; the client economist, the head, managers and
 * branch staff read the register and move complaints (the owner is a suggestion, not a lock: a
 * colleague answers when the owner is away). The analysis is counts only: the analyst reads it too.
 * The SLA settings are the department's rule book: the head sets them, the admin maintains them.
 */
const COMPLAINT_REGISTRARS = ['client_economist', 'head', 'manager', 'branch', 'operator'] as const
const COMPLAINT_WORKERS = ['client_economist', 'head', 'manager', 'branch'] as const
const COMPLAINT_ANALYSTS = ['client_economist', 'head', 'manager', 'analyst'] as const

/**
 * What branches hear (issue 10, item 5): branch staff record the special requests of their
 * branch's clients, as personal managers do of theirs; the client economist categorises them and
 * curates the board of product ideas they are evidence for; the head and the managers follow.
 * The counts and the board hold no client rows.
 */
const REQUEST_RECORDERS = ['branch', 'manager'] as const
const REQUEST_READERS = ['head', 'manager', 'client_economist', 'branch'] as const
const REQUEST_CURATORS = ['client_economist'] as const
const IDEA_READERS = ['head', 'manager', 'client_economist'] as const
/** Data tasks for IT (issue 10, item 7): the analyst sets them; the head follows; the admin, who keeps the system, answers for IT in the comments. */
const IT_TASK_WRITERS = ['analyst'] as const
const IT_TASK_READERS = ['analyst', 'head', 'admin'] as const

/**
 * Complaint files (issue 10, item 2): market complaints from CFPB exports, no client data. Loaded by
 * whoever may import them (contract/import-kind-roles.ts); read by those who study complaints and
 * the market: the client economist, the head, the analyst and the product managers.
 */
const COMPLAINT_FILE_READERS = ['head', 'manager', 'client_economist', 'analyst'] as const

export const ROUTE_ACCESS = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed_in',
  'GET /api/auth/me': 'signed_in',

  'GET /api/branches': 'signed_in',
  'GET /api/regions': 'signed_in',
  'GET /api/products': [...CLIENT_WORK, 'admin'],
  'PATCH /api/products/:code': CATALOGUE_KEEPERS,

  'GET /api/clients': CLIENT_WORK,
  'GET /api/clients/export': CLIENT_EXPORT,
  'GET /api/clients/:id': CLIENT_WORK,
  'POST /api/clients/:id/notes': NOTE_WRITERS,

  'GET /api/imports/fields': IMPORTERS,
  'POST /api/imports/preview': IMPORTERS,
  'POST /api/imports': IMPORTERS,
  'GET /api/imports': IMPORT_HISTORY_READERS,
  'GET /api/imports/:id': IMPORT_HISTORY_READERS,
  'GET /api/imports/:id/rejections': IMPORTERS,
  // The background work: the admin runs the system, the analyst the imports and the profile. Ids and counts only.
  'GET /api/jobs': ['admin', 'analyst'],

  'GET /api/selections/catalogue': SELECTION_READERS,
  'POST /api/selections/count': SELECTION_READERS,
  'GET /api/selections': SELECTION_READERS,
  'GET /api/selections/:id': SELECTION_READERS,
  'POST /api/selections': SELECTION_WRITERS,
  'PUT /api/selections/:id': SELECTION_WRITERS,
  'POST /api/profile/refresh': [...SELECTION_WRITERS, 'admin'],
  'POST /api/waves/preview': SELECTION_WRITERS,
  'POST /api/waves': SELECTION_WRITERS,
  'POST /api/waves/:id/rebuild': SELECTION_WRITERS,
  'GET /api/waves': SELECTION_READERS,
  'GET /api/waves/:id': SELECTION_READERS,
  'POST /api/waves/:id/send': WAVE_SENDERS,
  'GET /api/waves/:id/sending': SELECTION_READERS,
  // Counts and curves of the held-out members, no client rows.
  'GET /api/waves/:id/uplift-model': SELECTION_READERS,
  'GET /api/churn/definition': CHURN_READERS,
  'PUT /api/churn/definition': CHURN_DEFINERS,
  // Client rows with phones: masked per clearance and audited (churn.list).
  'GET /api/churn/clients': CHURN_READERS,
  'GET /api/churn/report': CHURN_READERS,
  'GET /api/churn/model': CHURN_READERS,
  'POST /api/churn/retention-template': RETENTION_TEMPLATE_WRITERS,
  'GET /api/waves/:id/contacts': CONTACT_HISTORY_READERS,
  // An export of clients with their addresses: masked per role and audited (contact.export).
  'GET /api/waves/:id/contacts/export': CONTACT_HISTORY_READERS,
  'GET /api/programs/:code/contacts': CONTACT_HISTORY_READERS,
  'GET /api/programs/:code/contacts/export': CONTACT_HISTORY_READERS,
  // The SMS gateway calls back with its token (SMS_GATEWAY_TOKEN), checked by the route: no session.
  'POST /api/sms/reports': 'public',
  'POST /api/sms/inbound': 'public',
  'GET /api/contact-policy': SELECTION_READERS,
  'PUT /api/contact-policy': POLICY_WRITERS,
  'POST /api/programs': PROGRAM_WRITERS,
  'GET /api/programs': PROGRAM_READERS,
  'GET /api/programs/:code': PROGRAM_READERS,
  'PUT /api/programs/:code': PROGRAM_WRITERS,
  'PATCH /api/programs/:code': PROGRAM_WRITERS,
  'POST /api/programs/:code/transition': PROGRAM_WRITERS,
  // The case is money: the roles that may see the products' economics (core/product-economics.ts).
  'GET /api/programs/:code/case': PROGRAM_MONEY_READERS,
  // A what-if over the case: prices the detectable uplift, so the case's readers.
  'POST /api/programs/:code/pilot-design': PROGRAM_MONEY_READERS,
  // The rollout plan is the case's money: its readers compute what-ifs (nothing stored); its writers save the chosen plan.
  'POST /api/programs/:code/rollout-plan': PROGRAM_MONEY_READERS,
  'GET /api/programs/:code/rollout-plan': PROGRAM_MONEY_READERS,
  'PUT /api/programs/:code/rollout-plan': PROGRAM_WRITERS,
  'GET /api/programs/:code/verdict': VERDICT_READERS,
  'GET /api/programs/:code/breakdown': VERDICT_READERS,
  // Which programs paid: every program's verdict in money, so the verdict's readers.
  'GET /api/program-returns': VERDICT_READERS,
  // The report is an export of the case's money: its readers; the verdict's section only for the verdict's readers.
  'GET /api/programs/:code/report': PROGRAM_MONEY_READERS,
  'POST /api/programs/:code/verdict/explanation': ['head'],
  'GET /api/programs/:code/policy': SELECTION_READERS,
  'PUT /api/programs/:code/policy': PROGRAM_POLICY_WRITERS,
  'POST /api/programs/:code/responses': RESPONSE_RECORDERS,
  // What the verdict reads: the head among those who see the money.
  'GET /api/programs/:code/responses/summary': PROGRAM_MONEY_READERS,
  // Each arm's incremental result: counts and rates per offer, no client rows.
  'GET /api/programs/:code/results': PROGRAM_MONEY_READERS,
  // The same counts day by day since each wave: shares of members, no client rows.
  'GET /api/programs/:code/response-curve': PROGRAM_MONEY_READERS,
  'GET /api/responses/programs': RESPONSE_RECORDERS,
  // What counts as a response: stated by who runs the program and the head, read by the program's readers.
  'GET /api/programs/:code/response-definition': PROGRAM_READERS,
  'PUT /api/programs/:code/response-definition': PROGRAM_POLICY_WRITERS,
  // Attribution rewrites which program an event counts for: who records responses.
  'POST /api/responses/attribute': RESPONSE_RECORDERS,

  'POST /api/offers': OFFER_WRITERS,
  'GET /api/offers': OFFER_READERS,
  'GET /api/offers/:code': OFFER_READERS,
  'PUT /api/offers/:code': OFFER_WRITERS,
  'POST /api/offers/:code/approve': OFFER_APPROVERS,
  // Retiring only stops an offer reaching clients, so no four eyes: its writer or an approver (app/offer/retire-offer.ts).
  'POST /api/offers/:code/retire': [...OFFER_WRITERS, ...OFFER_APPROVERS],
  // Renders a real client's fields, masked by clearance and audited as a card view: the readers, all of whom work with clients.
  'POST /api/offers/:code/preview': OFFER_READERS,
  'GET /api/offers/:code/preview.pdf': OFFER_READERS,

  'POST /api/call-centre/waves/:waveId/list': CALL_LIST_KEEPERS,
  // The operators' names and logins (no client data): whom the economist deals the list to.
  'GET /api/call-centre/operators': CALL_LIST_KEEPERS,
  // A list with phones and outcomes for an external call centre: an export, audited.
  'GET /api/call-centre/waves/:waveId/export': CALL_LIST_KEEPERS,
  'POST /api/call-centre/waves/:waveId/import': CALL_LIST_KEEPERS,
  // Claims the next client and returns their card: the operator's own, audited as a card view.
  'GET /api/call-centre/next': CALL_OPERATORS,
  'POST /api/call-centre/outcome': CALL_OPERATORS,
  'GET /api/call-centre/callbacks': [...CALL_OPERATORS, ...CALL_SUPERVISORS],
  'GET /api/call-centre/board': CALL_SUPERVISORS,
  // Leads (a click, an interested call, an SMS reply) go to the client's personal manager or branch
  // (core/call-centre/route-lead.ts); the head sees all. Those who sell work them; the head follows.
  'GET /api/leads': ['head', 'manager', 'branch'],
  // The call log (issue 10, item 6): the client economist analyses it, the head follows it, the
  // analyst studies the base. The list names clients (their phones masked per core/clearance.ts).
  'GET /api/calls/analysis': CALL_LOG_READERS,
  'GET /api/calls': CALL_LOG_READERS,
  'PATCH /api/leads/:id': ['manager', 'branch'],
  'POST /api/leads/:id/notes': ['manager', 'branch'],
  'GET /api/programs/:code/call-policy': [...PROGRAM_READERS, 'operator'],
  'PUT /api/programs/:code/call-policy': PROGRAM_POLICY_WRITERS,

  // The bank's letterhead (letters' PDF) and contact hours (SMS and calls): the head decides, the admin maintains, as the policy.
  'GET /api/settings/letterhead': POLICY_WRITERS,
  'PUT /api/settings/letterhead': POLICY_WRITERS,
  'GET /api/settings/contact-hours': POLICY_WRITERS,
  'PUT /api/settings/contact-hours': POLICY_WRITERS,

  'POST /api/clients/:id/requests': REQUEST_RECORDERS,
  'GET /api/requests': REQUEST_READERS,
  'GET /api/requests/counts': IDEA_READERS,
  'PATCH /api/requests/:id': REQUEST_CURATORS,
  'GET /api/product-ideas': IDEA_READERS,
  'POST /api/product-ideas': REQUEST_CURATORS,
  'PATCH /api/product-ideas/:id': REQUEST_CURATORS,
  'POST /api/product-ideas/:id/transition': REQUEST_CURATORS,
  'POST /api/product-ideas/:id/evidence': REQUEST_CURATORS,
  'GET /api/it-tasks': IT_TASK_READERS,
  'POST /api/it-tasks': IT_TASK_WRITERS,
  'PATCH /api/it-tasks/:id': IT_TASK_WRITERS,
  'POST /api/it-tasks/:id/comments': IT_TASK_READERS,
  'POST /api/complaints': COMPLAINT_REGISTRARS,
  'GET /api/complaints': COMPLAINT_WORKERS,
  'GET /api/complaints/analysis': COMPLAINT_ANALYSTS,
  'GET /api/complaints/sla': [...COMPLAINT_WORKERS, 'admin'],
  'PUT /api/complaints/sla': POLICY_WRITERS,
  'GET /api/complaints/:id': COMPLAINT_WORKERS,
  'POST /api/complaints/:id/moves': COMPLAINT_WORKERS,

  'POST /api/complaint-files': COMPLAINT_FILE_IMPORTERS,
  'GET /api/complaint-files/analysis': COMPLAINT_FILE_READERS,

  'GET /api/audit': AUDIT_READERS,
  'GET /api/roles': AUDIT_READERS,
  // The auditor checks who holds which role, read-only (issue 6, item 17).
  'GET /api/users': [...ADMIN, 'auditor'],
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
} as const satisfies Record<string, Access>

export type RouteKey = keyof typeof ROUTE_ACCESS
