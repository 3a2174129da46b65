import { Alert, Box, Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/api-error.ts'
import { describeError } from '../../components/describe-error.ts'
import { changeLanguage, type Language } from '../../i18n/i18n.ts'
import { useSession } from './useSession.ts'

export function LoginPage() {
  const { t, i18n } = useTranslation()
  const { signIn, expired } = useSession()
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(login.trim(), password)
    } catch (failure) {
      setError(failure)
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  // A wrong password gets its own plain sentence; other failures (throttled, server down) say what happened.
  const problem = !error ? null : error instanceof ApiError && error.code === 'unauthenticated' ? { title: t('login.wrong') } : describeError(t, error)
  return (
    <Center mih="100vh" bg="gray.1">
      <Box w={360}>
        <Group justify="space-between" mb="xs" align="flex-end">
          <Stack gap={0}>
            <Title order={1} c="navy.9">
              {t('app.name')}
            </Title>
            <Text fz="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          <SegmentedControl
            aria-label={t('app.language')}
            data-testid="language-switch"
            value={i18n.language}
            onChange={(value) => changeLanguage(value as Language)}
            data={[
              { value: 'ru', label: 'RU' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Group>
        <Paper withBorder p="md" shadow="xs">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <Title order={2}>{t('login.title')}</Title>
              {expired && !problem && (
                <Alert color="yellow" variant="light" p="xs">
                  <Text fz="xs">{t('login.expired')}</Text>
                </Alert>
              )}
              {problem && (
                <Alert color="red" variant="light" p="xs" role="alert" data-testid="login-error">
                  <Text fz="xs" fw={600}>
                    {problem.title}
                  </Text>
                  {'detail' in problem && problem.detail && <Text fz="xs">{problem.detail}</Text>}
                </Alert>
              )}
              <TextInput
                size="sm"
                label={t('login.login')}
                name="login"
                autoComplete="username"
                autoFocus
                required
                value={login}
                onChange={(event) => setLogin(event.currentTarget.value)}
              />
              <PasswordInput
                size="sm"
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" size="sm" loading={busy} disabled={!login.trim() || !password}>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text fz={11} c="dimmed" mt="xs" ta="center">
          {t('login.privacy')}
        </Text>
      </Box>
    </Center>
  )
}
