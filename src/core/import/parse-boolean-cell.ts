// Yes/no flags in the words exports use, English and Russian. Consent cells also take the words for
// giving and withdrawing consent.
const TRUE_WORDS = ['1', 'true', 't', 'yes', 'y', '+', 'да', 'д', 'истина', 'x', 'v', '✓']
const FALSE_WORDS = ['0', 'false', 'f', 'no', 'n', '-', 'нет', 'н', 'ложь']
const GRANT_WORDS = ['granted', 'opt-in', 'optin', 'opt in', 'subscribed', 'согласие', 'согласен', 'дано', 'разрешено']
const REFUSAL_WORDS = ['refused', 'revoked', 'withdrawn', 'opt-out', 'optout', 'opt out', 'unsubscribed', 'отказ',
  'отозвано', 'отозвано согласие', 'запрещено', 'не согласен']

export const BOOLEAN_RULE = 'expected yes/no (да/нет, 1/0, true/false)'
export const GRANT_RULE = 'expected yes/no, opt-in/opt-out or согласие/отказ'

/** 't' or 'f' (the staging text of a boolean), or undefined. */
export function parseBooleanCell(text: string): 't' | 'f' | undefined {
  const word = text.trim().toLowerCase()
  if (TRUE_WORDS.includes(word)) return 't'
  if (FALSE_WORDS.includes(word)) return 'f'
  return undefined
}

/** Whether a consent was given ('t') or refused ('f'), or undefined. */
export function parseGrantCell(text: string): 't' | 'f' | undefined {
  const word = text.trim().toLowerCase()
  if (GRANT_WORDS.includes(word)) return 't'
  if (REFUSAL_WORDS.includes(word)) return 'f'
  return parseBooleanCell(word)
}
