import type { BankCalendar } from './working-days.ts'

// The demo default of the bank's calendar setting: the Russian government's decrees moving days off
// for 2025 (No. 1335 of 4 October 2024) and 2026, beyond the Labour Code's own holidays that
// core/working-days.ts knows. A bank keeps its calendar current through the SLA settings.
export const DEFAULT_BANK_CALENDAR: BankCalendar = {
  daysOff: ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31', '2026-01-09', '2026-12-31'],
  workingDays: ['2025-11-01'],
}
