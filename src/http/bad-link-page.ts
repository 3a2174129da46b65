// The page a client gets from a damaged or forged offer link: no login, no script, no redirect,
// both languages (the bank writes in Russian; a client abroad may read English).
export function badLinkPage(): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ссылка недействительна · Link not valid</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}p.en{color:#555}</style>
</head><body><h1>Ссылка недействительна</h1><p>Ссылка повреждена или устарела. Предложения банка — в мобильном приложении и в любом отделении.</p>
<p class="en" lang="en">This link is damaged or no longer valid. The bank’s offers are in the mobile app and at any branch.</p></body></html>`
}
