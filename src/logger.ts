import pino from 'pino'

// Structured logs (one JSON line per event) to stderr, so that `--json` output on stdout stays clean.
// Personal data never reaches a log: the keys below are replaced wherever they appear.
export const REDACTED_PATHS = [
  'req.query.q',
  'req.body',
  'body',
  'password',
  '*.password',
  'phone',
  'email',
  '*.phone',
  '*.email',
]

/** Logs to stderr, or to the given stream (tests read what would be logged). */
export function createLogger(level = 'info', destination: pino.DestinationStream = pino.destination(2)): pino.Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination)
}
