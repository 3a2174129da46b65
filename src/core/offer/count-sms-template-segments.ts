import { Output, Tag } from 'liquidjs'
import { countSmsSegments, type SmsCount } from '../../contract/count-sms-segments.ts'
import type { Template } from './offer-template-engine.ts'

/**
 * The fewest segments an SMS template can take for any client, counted when the marketer saves it
 * (the preview counts the exact text for one client). Only what every client surely gets is
 * counted: the template's static text outside any tag, with every field empty (a field the bank
 * has no value for renders as nothing) and every `{% if %}`, `{% for %}` or `{% case %}` block left
 * out (a branch may not be taken). A field or a branch can only add characters, and adding a
 * character never lowers the count (a Cyrillic letter only moves GSM-7 to UCS-2, 153 → 67 per
 * segment), so a template over SMS_MAX_SEGMENTS by this count is over it for every client and is
 * refused on save; one under it may still be over for a long name, which the preview and the
 * sending refuse for that client.
 */
export function countSmsTemplateSegments(templates: readonly Template[]): SmsCount {
  const staticText = templates
    .filter((template) => !(template instanceof Tag) && !(template instanceof Output))
    // LiquidJS's HTML node: the text between tags, already trimmed where a tag says `{%-` or `-}}`.
    .map((template) => (template as unknown as { str: string }).str)
    .join('')
  return countSmsSegments(staticText)
}
