import { AppShell, Badge, Button, Group, NavLink, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom'
import { changeLanguage, type Language } from '../i18n/i18n.ts'
import { useSession, useSignedInUser } from '../features/session/useSession.ts'
import { areasFor } from './navigation.ts'

export function AppLayout() {
  const { t, i18n } = useTranslation()
  const user = useSignedInUser()
  const { signOut } = useSession()
  const location = useLocation()
  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 232, breakpoint: 0 }} padding="sm">
      <AppShell.Header bg="navy.9" c="white" px="sm" withBorder={false}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Text fw={700} fz="md" lts={0.5}>
              {t('app.name')}
            </Text>
            <Text fz="xs" c="navy.1" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              aria-label={t('app.language')}
              data-testid="language-switch"
              value={i18n.language}
              onChange={(value) => changeLanguage(value as Language)}
              data={[
                { value: 'ru', label: 'RU' },
                { value: 'en', label: 'EN' },
              ]}
              styles={{ root: { background: 'rgba(255,255,255,0.12)' }, label: { color: 'white' } }}
              color="navy.6"
            />
            <Stack gap={0} align="flex-end">
              <Text fz="xs" fw={600} lh={1.2} data-testid="user-name">
                {user.fullName}
              </Text>
              <Text fz={11} c="navy.1" lh={1.2}>
                {t(`roles.${user.role}`)}
              </Text>
            </Stack>
            <Button variant="white" color="navy" size="compact-xs" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar bg="gray.0" aria-label={t('app.navigation')} data-testid="navigation">
        <AppShell.Section grow component={ScrollArea} py={6}>
          <div>
            {areasFor(user.role).map((section) => (
              <Stack key={section.key} gap={0} mb={6}>
                <Text fz={11} fw={700} tt="uppercase" c="dimmed" px="sm" pt={6} pb={2} lts={0.4}>
                  {t(`nav.sections.${section.key}`)}
                </Text>
                {section.areas.map((area) => (
                  <NavLink
                    key={area.key}
                    component={RouterNavLink}
                    to={area.path}
                    active={location.pathname === area.path || location.pathname.startsWith(`${area.path}/`)}
                    label={t(`nav.${area.key}`)}
                    py={5}
                    styles={{ label: { fontSize: 13 } }}
                    c={area.built ? undefined : 'dimmed'}
                    rightSection={
                      area.built ? null : (
                        <Badge size="xs" variant="light" color="gray" fw={500} tt="none">
                          {t('nav.soon')}
                        </Badge>
                      )
                    }
                  />
                ))}
              </Stack>
            ))}
          </div>
        </AppShell.Section>
        <AppShell.Section px="sm" py={6}>
          <Text fz={11} c="dimmed">
            {t('app.version', { version: '0.1.0' })}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="white">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
