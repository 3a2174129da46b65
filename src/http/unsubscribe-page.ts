// The page a client opens from the unsubscribe link of a bank e-mail: no login, no script, both
// languages (the bank writes in Russian; a client abroad may read English). Opening it records
// nothing — mail scanners open links — the button does; mail programs' one-click POST does too.

export type UnsubscribePage = 'confirm' | 'done' | 'bad_link'

const TEXT: Record<UnsubscribePage, { ru: string; en: string }> = {
  confirm: {
    ru: 'Отказаться от писем банка с предложениями? Письма об операциях и счетах по-прежнему будут приходить.',
    en: 'Stop the bank’s offers by e-mail? Messages about your accounts and operations will still come.',
  },
  done: {
    ru: 'Готово: банк больше не будет присылать вам предложения по электронной почте.',
    en: 'Done: the bank will send you no more offers by e-mail.',
  },
  bad_link: {
    ru: 'Ссылка повреждена или недействительна. Позвоните в банк, и мы отключим рассылку.',
    en: 'This link is damaged or not valid. Call the bank and we will stop the offers.',
  },
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function unsubscribePage(page: UnsubscribePage, action?: string): string {
  const form = page === 'confirm' && action
    ? `<form method="post" action="${escapeHtml(action)}"><button type="submit">Отказаться · Unsubscribe</button></form>`
    : ''
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Отказ от рассылки · Unsubscribe</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}
p.en{color:#555}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1c7ed6;color:#fff;cursor:pointer}</style>
</head><body><h1>Отказ от рассылки</h1><p>${TEXT[page].ru}</p><p class="en" lang="en">${TEXT[page].en}</p>${form}</body></html>`
}
