import type { ImportField } from './import-field.ts'
import type { ImportKind } from './import-kinds.ts'

// The fields each kind of import can load, in staging-column order. Header synonyms feed the
// suggested mapping; a file may use any header when the user maps it explicitly.

const BANK_ID: ImportField = {
  name: 'bank_id',
  column: 'bank_id',
  type: 'key',
  required: true,
  maxLength: 64,
  description: "The bank's own client id: the key every import upserts by",
  headers: ['bank_id', 'client_id', 'client id', 'client no', 'client number', 'customer id', 'customer_id', 'cif',
    'id клиента', 'ид клиента', 'код клиента', 'номер клиента', 'идентификатор клиента'],
}

const CLIENT_FIELDS: readonly ImportField[] = [
  BANK_ID,
  { name: 'full_name', column: 'full_name', type: 'text', required: false, requiredForNew: true, maxLength: 300,
    description: 'Full name; required for a new client',
    headers: ['full_name', 'full name', 'name', 'client name', 'customer name', 'фио', 'ф.и.о.', 'полное имя', 'имя клиента'] },
  { name: 'birth_date', column: 'birth_date', type: 'date', required: false, notFuture: true, description: 'Date of birth',
    headers: ['birth_date', 'birth date', 'date of birth', 'dob', 'birthday', 'дата рождения'] },
  { name: 'gender', column: 'gender', type: 'gender', required: false, description: 'M or F (also м/ж, male/female)',
    headers: ['gender', 'sex', 'пол'] },
  { name: 'phone', column: 'phone', type: 'phone', required: false, description: 'Mobile phone in any format',
    headers: ['phone', 'phone number', 'mobile', 'mobile phone', 'telephone', 'телефон', 'мобильный телефон', 'мобильный', 'номер телефона'] },
  { name: 'email', column: 'email', type: 'email', required: false, maxLength: 254, description: 'E-mail address',
    headers: ['email', 'e-mail', 'mail', 'электронная почта', 'эл. почта', 'почта', 'адрес электронной почты'] },
  { name: 'address', column: 'address', type: 'text', required: false, maxLength: 1000, description: 'Postal address',
    headers: ['address', 'адрес', 'адрес регистрации', 'адрес проживания', 'почтовый адрес'] },
  { name: 'region', column: 'region_code', type: 'region', required: false,
    description: "Region code or name; when blank, the branch's region",
    headers: ['region', 'region_code', 'region code', 'регион', 'код региона'] },
  { name: 'branch', column: 'branch_id', type: 'branch', required: false, description: 'Branch code or name',
    headers: ['branch', 'branch_code', 'branch code', 'отделение', 'филиал', 'цбу', 'код отделения', 'код филиала', 'подразделение'] },
  { name: 'client_since', column: 'client_since', type: 'date', required: false, notFuture: true, description: 'Date the client joined the bank',
    headers: ['client_since', 'client since', 'customer since', 'клиент с', 'дата начала обслуживания'] },
  { name: 'monthly_income', column: 'monthly_income', type: 'money', required: false, description: 'Monthly income, roubles',
    headers: ['monthly_income', 'monthly income', 'income', 'доход', 'ежемесячный доход', 'доход в месяц'] },
  { name: 'segment', column: 'segment', type: 'segment', required: false,
    description: 'mass, mass_affluent, premium or private (new clients: mass)', headers: ['segment', 'сегмент'] },
  { name: 'vip', column: 'vip', type: 'boolean', required: false, description: 'VIP client: yes/no (new clients: no)',
    headers: ['vip', 'вип', 'признак vip'] },
  { name: 'status', column: 'status', type: 'client_status', required: false,
    description: 'active, churned or deceased (new clients: active)', headers: ['status', 'статус', 'статус клиента'] },
  { name: 'status_date', column: 'status_date', type: 'date', required: false, notFuture: true, description: 'Date of the status',
    headers: ['status_date', 'status date', 'дата статуса'] },
  { name: 'status_reason', column: 'status_reason', type: 'text', required: false, maxLength: 500,
    description: 'Reason for the status (e.g. why the client left)', headers: ['status_reason', 'status reason', 'причина статуса'] },
  { name: 'do_not_contact', column: 'do_not_contact', type: 'boolean', required: false,
    description: 'The client asked not to be contacted: yes/no (new clients: no)',
    headers: ['do_not_contact', 'do not contact', 'dnc', 'не беспокоить', 'запрет контактов'] },
  { name: 'personal_manager', column: 'personal_manager_id', type: 'manager', required: false,
    description: "Login of the client's personal manager (a user of Otklik)",
    headers: ['personal_manager', 'personal manager', 'персональный менеджер'] },
]

const HOLDING_FIELDS: readonly ImportField[] = [
  BANK_ID,
  { name: 'account_no', column: 'account_no', type: 'key', required: true, maxLength: 64,
    description: "The bank's account or contract number: with bank_id, the key a holding upserts by",
    headers: ['account_no', 'account', 'account number', 'contract', 'contract_no', 'номер счета', 'счет', 'номер договора', 'договор'] },
  { name: 'product', column: 'product_code', type: 'product', required: false, requiredForNew: true,
    description: 'Product code from the catalogue; required for a new holding', headers: ['product', 'product_code', 'product code', 'продукт', 'код продукта'] },
  { name: 'opened_at', column: 'opened_at', type: 'date', required: false, notFuture: true, requiredForNew: true,
    description: 'Date opened; required for a new holding', headers: ['opened_at', 'opened', 'open date', 'date opened', 'дата открытия'] },
  { name: 'closed_at', column: 'closed_at', type: 'date', required: false, notFuture: true, description: 'Date closed',
    headers: ['closed_at', 'closed', 'close date', 'date closed', 'дата закрытия'] },
  { name: 'balance', column: 'balance', type: 'money', required: false, description: 'Balance, roubles (new holdings: 0)',
    headers: ['balance', 'остаток', 'баланс'] },
  { name: 'credit_limit', column: 'credit_limit', type: 'money', required: false, description: 'Credit limit, roubles',
    headers: ['credit_limit', 'credit limit', 'limit', 'лимит', 'кредитный лимит'] },
]

const ACTIVITY_FIELDS: readonly ImportField[] = [
  BANK_ID,
  { name: 'month', column: 'month', type: 'month', required: true,
    description: 'The month: yyyy-mm, mm.yyyy or any date in it', headers: ['month', 'period', 'месяц', 'период', 'отчетный месяц'] },
  { name: 'turnover', column: 'turnover', type: 'money', required: false, description: 'Turnover in the month, roubles',
    headers: ['turnover', 'оборот', 'обороты'] },
  { name: 'transactions', column: 'transactions', type: 'count', required: false, description: 'Number of transactions',
    headers: ['transactions', 'transaction count', 'операции', 'количество операций', 'число операций'] },
  { name: 'card_spend', column: 'card_spend', type: 'money', required: false, description: 'Card spending, roubles',
    headers: ['card_spend', 'card spend', 'траты по карте', 'расходы по карте', 'покупки по карте'] },
  { name: 'mobile_logins', column: 'mobile_logins', type: 'count', required: false, description: 'Mobile banking logins',
    headers: ['mobile_logins', 'mobile logins', 'входы в мобильный банк'] },
  { name: 'branch_visits', column: 'branch_visits', type: 'count', required: false, description: 'Branch visits',
    headers: ['branch_visits', 'branch visits', 'визиты в отделение', 'посещения отделения'] },
]

const CONSENT_FIELDS: readonly ImportField[] = [
  BANK_ID,
  { name: 'channel', column: 'channel', type: 'channel', required: true, description: 'email, sms, call or letter',
    headers: ['channel', 'канал'] },
  { name: 'granted', column: 'granted', type: 'grant', required: true,
    description: 'yes / no (also opt-in / opt-out, согласие / отказ)', headers: ['granted', 'consent', 'согласие'] },
  { name: 'effective_at', column: 'effective_at', type: 'timestamp', required: true, notFuture: true,
    description: 'When the consent or opt-out took effect (a date, or date and time; UTC unless an offset is given)',
    headers: ['effective_at', 'effective', 'effective date', 'date', 'дата', 'дата согласия', 'дата действия'] },
  { name: 'source', column: 'source', type: 'text', required: false, maxLength: 200,
    description: 'Where the consent was given (blank: the import)', headers: ['source', 'источник'] },
]

// Reference data: the federal subjects are there in every new database (migration 0006); a bank
// loads its own regions (or the subjects of 2022) and its branches with these.
const REGION_FIELDS: readonly ImportField[] = [
  { name: 'code', column: 'code', type: 'key', required: true, maxLength: 16,
    description: "The region's code (the federal subjects': 01–92); the key a region upserts by",
    headers: ['code', 'region_code', 'region code', 'код', 'код региона', 'код субъекта'] },
  { name: 'name', column: 'name', type: 'text', required: false, requiredForNew: true, maxLength: 200,
    description: "The region's name; required for a new region",
    headers: ['name', 'region', 'region name', 'наименование', 'название', 'регион', 'субъект', 'субъект рф', 'наименование региона'] },
  { name: 'utc_offset', column: 'utc_offset', type: 'utc_offset', required: false,
    description: 'Hours from UTC (3 for Moscow, also UTC+7 or МСК+4); new regions: 3',
    headers: ['utc_offset', 'utc offset', 'time zone', 'timezone', 'часовой пояс', 'смещение от utc', 'смещение utc'] },
]

const BRANCH_FIELDS: readonly ImportField[] = [
  { name: 'code', column: 'code', type: 'key', required: true, maxLength: 32,
    description: "The branch's code; the key a branch upserts by",
    headers: ['code', 'branch_code', 'branch code', 'код', 'код отделения', 'код филиала', 'код подразделения'] },
  { name: 'name', column: 'name', type: 'text', required: false, requiredForNew: true, maxLength: 200,
    description: "The branch's name; required for a new branch",
    headers: ['name', 'branch', 'branch name', 'наименование', 'название', 'отделение', 'подразделение', 'наименование отделения'] },
  { name: 'region', column: 'region_code', type: 'region', required: false, requiredForNew: true,
    description: 'Region code or name; required for a new branch',
    headers: ['region', 'region_code', 'region code', 'регион', 'код региона', 'субъект'] },
  { name: 'city', column: 'city', type: 'text', required: false, maxLength: 200, description: 'City',
    headers: ['city', 'город', 'населенный пункт'] },
  { name: 'address', column: 'address', type: 'text', required: false, maxLength: 1000, description: 'Street address',
    headers: ['address', 'адрес'] },
]

// A program's responses (the program is the import's, one per file), or — a file without a
// program — the client's events from core banking or branches (a product opened, a deposit
// placed), which attribution gives to programs by their rules (core/response/attribute-event.ts).
// Re-importing a file counts nothing twice: a response is one per client, type and time
// (docs/imports.md "Responses").
const RESPONSE_FIELDS: readonly ImportField[] = [
  BANK_ID,
  { name: 'type', column: 'type', type: 'response_type', required: true,
    description: 'reply, visit, application, conversion (product opened), spend or balance',
    headers: ['type', 'response_type', 'response type', 'kind', 'тип', 'тип отклика', 'вид отклика'] },
  { name: 'responded_at', column: 'responded_at', type: 'timestamp', required: true, notFuture: true,
    description: 'When the client responded (a date, or date and time; UTC unless an offset is given)',
    headers: ['responded_at', 'responded', 'response date', 'date', 'time', 'дата', 'дата отклика', 'время отклика'] },
  { name: 'value', column: 'value', type: 'money', required: false,
    description: 'Roubles (at most 2 decimals, not negative): required for spend and balance, allowed for the others',
    headers: ['value', 'amount', 'sum', 'сумма', 'значение'] },
  { name: 'product', column: 'product_code', type: 'product', required: false,
    description: 'Product code from the catalogue: the product opened or funded, which a program\'s response rules may ask for',
    headers: ['product', 'product_code', 'product code', 'продукт', 'код продукта'] },
]

// A call log of the bank's call centre (issue 10, item 6; docs/imports.md "Calls"): each call is
// given to the client whose phone it is (core/normalize-phone.ts, the client base's own form). The
// times are the call centre's, on the bank's clock unless the cell has an offset. A call is one per
// client and start time: a file loaded again updates its calls and adds none.
const CALL_FIELDS: readonly ImportField[] = [
  { name: 'started_at', column: 'started_at', type: 'timestamp', required: true, notFuture: true, bankClock: true,
    description: "When the call began: a date and time on the bank's clock (its time zone), unless an offset is given (2026-03-02T10:15+05:00)",
    headers: ['started_at', 'time', 'call time', 'date', 'datetime', 'start', 'start time', 'время', 'время звонка', 'дата', 'дата звонка', 'дата и время', 'начало', 'начало звонка'] },
  { name: 'phone', column: 'phone', type: 'phone', required: true,
    description: "The client's phone in any format (8 (912) 345-67-89, +7 912 3456789): the call goes to the client with this phone",
    headers: ['phone', 'client phone', 'phone number', 'caller', 'caller id', 'ani', 'msisdn', 'телефон', 'телефон клиента', 'номер', 'номер телефона', 'номер абонента'] },
  { name: 'reason', column: 'reason', type: 'call_reason', required: true,
    description: 'Why the call was made: card, payments, loan, deposit, remote_banking, fees, account, information, other (or Russian words); any other reason is kept as written',
    headers: ['reason', 'topic', 'subject', 'call reason', 'category', 'причина', 'тема', 'тематика', 'причина обращения', 'тема обращения', 'категория'] },
  { name: 'duration', column: 'duration_seconds', type: 'duration', required: true,
    description: 'How long the call took: seconds (245) or minutes and seconds (4:05, 1:02:03); not negative',
    headers: ['duration', 'duration_seconds', 'duration sec', 'talk time', 'handle time', 'длительность', 'продолжительность', 'длительность разговора', 'время разговора'] },
  { name: 'outcome', column: 'outcome', type: 'call_outcome', required: true,
    description: 'resolved, escalated, callback, complaint or dropped (also решён, передан, перезвон, жалоба, сорвался)',
    headers: ['outcome', 'result', 'status', 'disposition', 'результат', 'итог', 'исход', 'результат звонка', 'статус'] },
  { name: 'operator', column: 'operator', type: 'text', required: false, maxLength: 100,
    description: "The operator who took or made the call, as the call centre names them",
    headers: ['operator', 'agent', 'agent name', 'оператор', 'сотрудник', 'фио оператора'] },
  { name: 'direction', column: 'direction', type: 'call_direction', required: false,
    description: 'inbound (the client called; when blank) or outbound (the bank called)',
    headers: ['direction', 'call type', 'type', 'направление', 'тип звонка', 'тип'] },
]

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  clients: CLIENT_FIELDS,
  holdings: HOLDING_FIELDS,
  activity: ACTIVITY_FIELDS,
  consents: CONSENT_FIELDS,
  regions: REGION_FIELDS,
  branches: BRANCH_FIELDS,
  responses: RESPONSE_FIELDS,
  calls: CALL_FIELDS,
}

/** The fields that identify a row: a second row of one file with the same key is rejected. */
export const KEY_FIELDS: Record<ImportKind, readonly string[]> = {
  clients: ['bank_id'],
  holdings: ['bank_id', 'account_no'],
  activity: ['bank_id', 'month'],
  consents: ['bank_id', 'channel', 'effective_at'],
  regions: ['code'],
  branches: ['code'],
  responses: ['bank_id', 'type', 'responded_at'],
  calls: ['phone', 'started_at'],
}
