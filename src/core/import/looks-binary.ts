// Text files hold no NUL and almost no other control characters; images, archives, executables and
// random bytes hold many. Tab, line breaks, form feed and escape are allowed.
const ALLOWED_CONTROLS = new Set([9, 10, 12, 13, 27])

/** Whether the first bytes of a file (after any byte-order mark) are binary rather than text. */
export function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if ((byte < 32 && !ALLOWED_CONTROLS.has(byte)) || byte === 127) controls++
  }
  return controls / sample.length > 0.01
}
