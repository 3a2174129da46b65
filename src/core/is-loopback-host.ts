// The addresses a server can listen on that only this machine reaches. Anything else (0.0.0.0,
// ::, a LAN or public address, a host name) is treated as reachable from outside.
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost' || h === '::1') return true
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h
  return /^127(\.\d{1,3}){3}$/.test(v4)
}
