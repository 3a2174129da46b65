// An inbound SMS that asks the bank to stop (38-FZ art. 18: advertising stops when the subscriber
// asks). The words clients send, in either alphabet and any case, alone or with punctuation around:
// "STOP", "Стоп!", "отписка", "unsubscribe". A longer message ("стоп, а какой процент?") is a reply
// for a person to read, not an opt-out: the bank would rather ask than silence a question.
const STOP_WORDS = new Set(['stop', 'стоп', 'отписка', 'отписаться', 'unsubscribe', 'unsub'])

export function isStopReply(text: string): boolean {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
  return STOP_WORDS.has(word)
}
