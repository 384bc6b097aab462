import { ActionIcon, Button, Popover, Stack, Text } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { ColorSchemeControl } from './ColorSchemeControl';
import { TimeZoneControl } from './TimeZoneControl';

/** On narrow screens the header's preferences fold into one popover. */
export function SettingsMenu({ onSignOut }: { onSignOut: () => void }) {
  return (
    <Popover position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label="Settings">
          <IconSettings size={18} stroke={1.5} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={220}>
          <Text size="xs" fw={600} c="dimmed">
            Colour scheme
          </Text>
          <ColorSchemeControl fullWidth />
          <Text size="xs" fw={600} c="dimmed">
            Time zone
          </Text>
          <TimeZoneControl fullWidth />
          <Button variant="default" size="xs" onClick={onSignOut}>
            Sign out
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
