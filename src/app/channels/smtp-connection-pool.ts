import SMTPConnection from 'nodemailer/lib/smtp-connection'

// A few long-lived SMTP sessions (nodemailer's SMTP client) a channel's messages take turns on, each
// message handed over as one finished buffer. nodemailer's own pool composes every message as a
// stream on the way out (a stream pipeline per message, a socket write per line): at thousands of
// messages a second that was most of the sender's work. A session that fails in any way is closed
// and a fresh one opened for the next message; a server that closes an idle session loses nothing.

export type SmtpPoolInput = { url: string; connections: number; connectionTimeout: number; greetingTimeout: number; socketTimeout: number }

export type SmtpEnvelope = { from: string; to: string[] }

export type SmtpPool = {
  /** Resolves when the server accepted the message; rejects with nodemailer's SMTP error, `notSent` when no session could be opened. */
  send(envelope: SmtpEnvelope, message: Buffer): Promise<void>
  close(): void
}

export function createSmtpPool(input: SmtpPoolInput): SmtpPool {
  const idle: SMTPConnection[] = []
  const broken = new WeakSet<SMTPConnection>()
  const waiting: ((handed: SMTPConnection | null) => void)[] = []
  let open = 0
  let closed = false

  const connect = async (): Promise<SMTPConnection> => {
    const connection = await openSession(input)
    connection.on('error', () => broken.add(connection))
    connection.on('end', () => {
      broken.add(connection)
      const at = idle.indexOf(connection)
      if (at < 0) return
      idle.splice(at, 1)
      open -= 1
      waiting.shift()?.(null)
    })
    return connection
  }
  const acquire = async (): Promise<SMTPConnection> => {
    const ready = idle.pop()
    if (ready) return ready
    if (open >= input.connections) {
      // Handed a session, or (null) the place of one that closed, to open anew.
      const handed = await new Promise<SMTPConnection | null>((resolve) => waiting.push(resolve))
      if (handed) return handed
    }
    open += 1
    try {
      return await connect()
    } catch (error) {
      open -= 1
      waiting.shift()?.(null)
      throw Object.assign(error as Error, { notSent: true })
    }
  }
  const release = (connection: SMTPConnection, healthy: boolean) => {
    if (healthy && !closed && !broken.has(connection)) {
      const next = waiting.shift()
      if (next) next(connection)
      else idle.push(connection)
      return
    }
    connection.close()
    open -= 1
    waiting.shift()?.(null)
  }
  return {
    async send(envelope, message) {
      const connection = await acquire()
      let healthy = false
      try {
        await new Promise<void>((resolve, reject) => connection.send(envelope, message, (error) => (error ? reject(error) : resolve())))
        healthy = true
      } finally {
        release(connection, healthy)
      }
    },
    close() {
      closed = true
      for (const connection of idle.splice(0)) connection.quit()
    },
  }
}

function openSession(input: SmtpPoolInput): Promise<SMTPConnection> {
  const url = new URL(input.url)
  const secure = url.protocol === 'smtps:'
  const connection = new SMTPConnection({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    connectionTimeout: input.connectionTimeout,
    greetingTimeout: input.greetingTimeout,
    socketTimeout: input.socketTimeout,
  })
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      connection.close()
      reject(error)
    }
    connection.once('error', fail)
    connection.connect(() => {
      if (!url.username) return void (connection.removeListener('error', fail), resolve(connection))
      connection.login({ user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }, (error) => {
        if (error) return fail(error)
        connection.removeListener('error', fail)
        resolve(connection)
      })
    })
  })
}
