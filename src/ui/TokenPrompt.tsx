import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { API_LABELS, type ApiName } from '../api/errors';
import {
  cancelTokenPrompt,
  getTokenPromptApi,
  submitToken,
  subscribeTokenPrompt,
} from '../api/tokens';

const TITLES: Record<ApiName, string> = {
  jobs: 'Jobs API token',
  logs: 'Job log API token',
};

/** Asks for an API token whenever a request of that API was refused with 401. */
export function TokenPrompt() {
  const api = useSyncExternalStore(subscribeTokenPrompt, getTokenPromptApi, getTokenPromptApi);
  return (
    <Modal
      opened={api !== null}
      onClose={cancelTokenPrompt}
      title={api ? TITLES[api] : ''}
      centered
      closeOnClickOutside={false}
    >
      {/* Keyed so each prompt starts empty. */}
      {api ? <TokenForm key={api} api={api} /> : null}
    </Modal>
  );
}

function TokenForm({ api }: { api: ApiName }) {
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const trimmed = token.trim();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (trimmed) submitToken(trimmed, remember);
  }

  return (
    <form onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          The {API_LABELS[api]} asks for a token. It is kept in this browser tab only, unless you
          choose to remember it.
        </Text>
        <PasswordInput
          label="Token"
          value={token}
          onChange={(event) => setToken(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          required
          data-autofocus
        />
        <Checkbox
          label="Remember on this device"
          checked={remember}
          onChange={(event) => setRemember(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancelTokenPrompt}>
            Cancel
          </Button>
          <Button type="submit" disabled={!trimmed}>
            Use token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
