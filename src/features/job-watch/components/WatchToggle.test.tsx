import { Notifications, notifications } from '@mantine/notifications';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { getWatchList } from '../model/watchStore';
import { WatchButton, WatchIconButton } from './WatchToggle';

/** A stand-in for the browser's Notification with a given permission and answer to asking. */
function stubNotification(permission: NotificationPermission, answer = permission) {
  const requestPermission = vi.fn(async () => {
    Fake.permission = answer;
    return answer;
  });
  class Fake {
    static permission = permission;
    static requestPermission = requestPermission;
  }
  vi.stubGlobal('Notification', Fake);
  return requestPermission;
}

const props = { jobId: 'job-7', name: 'Nightly export', status: 'Active' };

function renderToggle(ui = <WatchIconButton {...props} />) {
  return renderWithProviders(
    <>
      {ui}
      <Notifications />
    </>,
  );
}

const bell = () => screen.getByRole('button', { name: 'Notify me about Nightly export' });

afterEach(() => {
  vi.unstubAllGlobals();
  notifications.clean();
});

describe('WatchIconButton', () => {
  it('is a labelled toggle that says it works while Jobscope is open', () => {
    stubNotification('default');
    renderToggle();
    expect(bell()).toHaveAttribute('aria-pressed', 'false');
    expect(bell().getAttribute('title')).toMatch(/while Jobscope is open/);
  });

  it('asks for permission on the click that watches, never before', async () => {
    const ask = stubNotification('default', 'granted');
    renderToggle();
    expect(ask).not.toHaveBeenCalled();
    await userEvent.click(bell());
    expect(ask).toHaveBeenCalledTimes(1);
    expect(bell()).toHaveAttribute('aria-pressed', 'true');
    expect(getWatchList().map((entry) => entry.jobId)).toEqual(['job-7']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('watches anyway when permission is denied, and says where notices will appear', async () => {
    const ask = stubNotification('default', 'denied');
    renderToggle();
    await userEvent.click(bell());
    expect(ask).toHaveBeenCalledTimes(1);
    expect(bell()).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Desktop notifications are blocked; Jobscope will show them here while it is open.',
    );
  });

  it('does not ask again once the operator decided', async () => {
    const ask = stubNotification('denied');
    renderToggle();
    await userEvent.click(bell());
    expect(ask).not.toHaveBeenCalled();
    expect(await screen.findByRole('alert')).toHaveTextContent(/blocked/);
  });

  it('says so in a browser without desktop notifications', async () => {
    renderToggle();
    await userEvent.click(bell());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This browser cannot show desktop notifications; Jobscope will show them here while it is open.',
    );
  });

  it('toggles from the keyboard, and off again forgets the job', async () => {
    stubNotification('granted');
    renderToggle();
    bell().focus();
    await userEvent.keyboard('{Enter}');
    expect(bell()).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard(' ');
    expect(bell()).toHaveAttribute('aria-pressed', 'false');
    expect(getWatchList()).toEqual([]);
  });

  it('is absent for an ended job, unless it is still watched', async () => {
    stubNotification('granted');
    const { rerender } = renderToggle(<WatchIconButton {...props} status="Completed" />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<WatchIconButton {...props} />);
    await userEvent.click(bell());
    rerender(<WatchIconButton {...props} status="Completed" />);
    expect(bell()).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('WatchButton', () => {
  it('shows its label and its state', async () => {
    stubNotification('granted');
    renderToggle(<WatchButton {...props} />);
    const button = screen.getByRole('button', { name: 'Notify me' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(button.getAttribute('title')).toMatch(/^Watching: .*while Jobscope is open/);
  });
});
