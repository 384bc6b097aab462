import { Anchor, AppShell, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconActivityHeartbeat } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { clearTokens } from '../api/tokens';
import { OnDemandTokenPrompt, PhoneSettingsMenu } from '../ui/OnDemand';
import { ColorSchemeControl } from '../ui/ColorSchemeControl';
import { TimeZoneControl } from '../ui/TimeZoneControl';
import { paths } from '../config/paths';
import { jobDetailOptions } from '../features/job-detail';
import classes from './AppLayout.module.css';

// "Notify me" watches jobs on any page; its code loads beside the page's, not with the shell.
const JobWatcher = lazy(() =>
  import('../features/job-watch').then((m) => ({ default: m.JobWatcher })),
);

export function AppLayout() {
  const queryClient = useQueryClient();
  const signOut = () => {
    clearTokens();
    // Nothing fetched with the old tokens stays on screen.
    queryClient.clear();
    notifications.show({ message: 'Signed out: the API tokens were cleared.' });
  };
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to={paths.home()} underline="never" className={classes.brand}>
              <IconActivityHeartbeat size={22} aria-hidden />
              <Text span fw={700} fz="lg">
                Jobscope
              </Text>
            </Anchor>
            <nav aria-label="Main">
              <NavLink to={paths.jobs()} className={classes.navLink}>
                Jobs
              </NavLink>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap" visibleFrom="sm">
            <TimeZoneControl />
            <ColorSchemeControl />
            <Button variant="subtle" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
          <PhoneSettingsMenu onSignOut={signOut} />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <OnDemandTokenPrompt />
      <Suspense fallback={null}>
        <JobWatcher jobOptions={jobDetailOptions} />
      </Suspense>
      <ScrollRestoration />
    </AppShell>
  );
}
