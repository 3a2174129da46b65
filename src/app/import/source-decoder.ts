import { isAscii } from 'node:buffer'
import iconv from 'iconv-lite'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { guessEncoding } from '../../core/import/guess-encoding.ts'
import { looksBinary } from '../../core/import/looks-binary.ts'

type Decoder = { write(bytes: Buffer): string; end(): string }

const BINARY_SAMPLE_BYTES = 64 * 1024
/** Bytes from the first non-ASCII one that the encoding is judged on (or the rest of the file). */
export const ENCODING_SAMPLE_BYTES = 1024 * 1024

/**
 * Turns a file's bytes into text while streaming. A byte-order mark decides the encoding (UTF-8,
 * UTF-16); otherwise ASCII passes through undecided until the first byte above 0x7F, and the
 * megabyte from there (or the rest of the file) is judged as a whole (guessEncoding): UTF-8 when
 * it mostly is, else Windows-1251 — one stray byte does not decide. A forced encoding skips the
 * guess. Binary files are refused by their first bytes.
 */
export class SourceDecoder {
  private decoder: Decoder | undefined
  private chosen: string | undefined
  private started = false
  private pending: Buffer = Buffer.alloc(0)
  /** Set once the text held a replacement character: some bytes were not valid in the encoding. */
  invalidBytes = false

  constructor(encoding?: string) {
    if (encoding !== undefined) this.choose(normalizeEncoding(encoding))
  }

  /** The encoding in use; 'utf-8' while only ASCII has been seen. */
  get encoding(): string {
    return this.chosen ?? 'utf-8'
  }

  write(chunk: Buffer): string {
    let bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk
    this.pending = Buffer.alloc(0)
    if (!this.started) {
      if (bytes.length < 4 && chunk.length > 0) {
        this.pending = bytes // too short to see a byte-order mark yet
        return ''
      }
      bytes = this.start(bytes)
    }
    return this.decode(bytes)
  }

  end(): string {
    let text = ''
    if (!this.started) text = this.decode(this.start(this.pending), true)
    else if (this.pending.length > 0) text = this.decode(this.pending, true)
    this.pending = Buffer.alloc(0)
    const rest = this.decoder?.end() ?? ''
    if (rest.includes('\ufffd')) this.invalidBytes = true
    return text + rest
  }

  private start(bytes: Buffer): Buffer {
    this.started = true
    const bom = readBom(bytes)
    if (bom && (!this.chosen || this.chosen === bom.encoding)) {
      if (!this.chosen) this.choose(bom.encoding)
      bytes = bytes.subarray(bom.length)
    }
    if (!this.chosen?.startsWith('utf-16') && looksBinary(bytes.subarray(0, BINARY_SAMPLE_BYTES))) {
      throw new DomainError('import_failed', 'the file is not text: it is neither a CSV file nor an XLSX workbook', reason('import.not_text'))
    }
    return bytes
  }

  private decode(bytes: Buffer, final = false): string {
    if (!this.decoder) {
      if (isAscii(bytes)) return bytes.toString('latin1')
      const firstHigh = bytes.findIndex((b) => b > 0x7f)
      if (!final && bytes.length - firstHigh < ENCODING_SAMPLE_BYTES) {
        // Not enough evidence yet: hold the bytes from the first non-ASCII one until there is.
        this.pending = Buffer.from(bytes.subarray(firstHigh))
        return bytes.toString('latin1', 0, firstHigh)
      }
      this.choose(guessEncoding(bytes.subarray(firstHigh), final))
    }
    const text = this.decoder!.write(bytes)
    if (text.includes('\ufffd')) this.invalidBytes = true
    return text
  }

  private choose(encoding: string): void {
    this.chosen = encoding
    if (encoding === 'utf-8') {
      const utf8 = new TextDecoder('utf-8')
      this.decoder = { write: (b) => utf8.decode(b, { stream: true }), end: () => utf8.decode() }
    } else {
      const other = iconv.getDecoder(encoding)
      this.decoder = { write: (b) => other.write(b), end: () => other.end() ?? '' }
    }
  }
}

/** The canonical name of an encoding a user asked for, or a DomainError('invalid_input'). */
export function normalizeEncoding(name: string): string {
  const lower = name.trim().toLowerCase()
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8'
  if (['cp1251', 'windows-1251', 'win1251', 'windows1251'].includes(lower)) return 'windows-1251'
  if (iconv.encodingExists(lower)) return lower
  throw new DomainError('invalid_input', `unknown encoding "${name}": use utf-8 or windows-1251`, reason('import.unknown_encoding', { encoding: name }))
}

function readBom(bytes: Buffer): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}
