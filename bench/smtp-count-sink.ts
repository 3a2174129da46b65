import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { SMTPServer } from 'smtp-server'

// The send benchmark's SMTP sink: a real SMTP server (smtp-server) in a process of its own, so that
// receiving does not share the sender's event loop (a relay is another machine). It reads every
// message to its end and throws it away, counting messages, bytes and the connections they came on.

export type SinkCounts = { messages: number; bytes: number; connections: number }

export type CountingSink = { url: string; counts(): Promise<SinkCounts>; close(): Promise<void> }

type FromSink = { port: number } | ({ kind: 'counts' } & SinkCounts)

/** Starts the sink in a child process and returns its smtp:// address. */
export async function startCountingSink(): Promise<CountingSink> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const [ready] = (await once(child, 'message')) as [FromSink]
  if (!('port' in ready)) throw new Error('the SMTP sink did not start')
  return {
    url: `smtp://127.0.0.1:${ready.port}`,
    async counts() {
      const answer = once(child, 'message') as Promise<[FromSink]>
      child.send('counts')
      const [counts] = await answer
      if ('port' in counts) throw new Error('the SMTP sink answered out of turn')
      return { messages: counts.messages, bytes: counts.bytes, connections: counts.connections }
    },
    async close() {
      child.kill()
      await once(child, 'exit')
    },
  }
}

function serve(): void {
  const counts: SinkCounts = { messages: 0, bytes: 0, connections: 0 }
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      counts.connections += 1
      callback()
    },
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (counts.bytes += chunk.length))
      stream.on('end', () => {
        counts.messages += 1
        callback(null)
      })
    },
  })
  smtp.on('error', () => undefined)
  smtp.listen(0, '127.0.0.1', () => process.send!({ port: (smtp.server.address() as AddressInfo).port }))
  process.on('message', () => process.send!({ kind: 'counts', ...counts }))
}

if (process.argv.includes('--serve')) serve()
