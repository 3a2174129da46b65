import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/dates/styles.css'
import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router-dom'
import { ApiError } from './api/api-error.ts'
import { App } from './app/App.tsx'
import { theme } from './app/theme.ts'
import { SessionProvider } from './features/session/SessionProvider.tsx'
import { initI18n } from './i18n/i18n.ts'
import { LanguageDatesProvider } from './i18n/LanguageDatesProvider.tsx'

initI18n()

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change on retry; a dropped connection may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
})

// No <StrictMode>: wrapped in it, this production bundle issued every request twice (two
// GET /api/clients/:id per visit, seen in Chromium), and every read of a client card is an audit
// event that must be recorded once. The browser test counts those events.
createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    <LanguageDatesProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </LanguageDatesProvider>
  </MantineProvider>,
)
