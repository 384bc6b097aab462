import { useMediaQuery } from '@mantine/hooks';
import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState, useSyncExternalStore, type ReactNode } from 'react';
import { getTokenPromptApi, subscribeTokenPrompt } from '../api/tokens';

/**
 * Pieces of the shell that most visits never show are loaded the first time they are needed,
 * so they do not weigh on every page's first load: the token prompt (a modal and its focus
 * trap) appears only after a 401, the notification stack with the first notification, the
 * settings popover only on phones.
 */
const TokenPrompt = lazy(() => import('./TokenPrompt').then((m) => ({ default: m.TokenPrompt })));
const SettingsMenu = lazy(() =>
  import('./SettingsMenu').then((m) => ({ default: m.SettingsMenu })),
);
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** Stays mounted once loaded, so the modal can animate closed and open again at once. */
function useLatch(condition: boolean): boolean {
  const [latched, setLatched] = useState(false);
  if (condition && !latched) setLatched(true);
  return latched || condition;
}

export function OnDemandTokenPrompt() {
  const api = useSyncExternalStore(subscribeTokenPrompt, getTokenPromptApi, getTokenPromptApi);
  return useLatch(api !== null) ? <Lazy>{<TokenPrompt />}</Lazy> : null;
}

/** `notifications.show()` only writes to a store; the stack that shows it loads on first use. */
export function OnDemandNotifications() {
  const { notifications, queue } = useNotifications();
  const wanted = useLatch(notifications.length + queue.length > 0);
  return wanted ? (
    <Lazy>
      <Notifications position="bottom-right" />
    </Lazy>
  ) : null;
}

/** Phones fold the header's preferences into a popover; wide screens never load it. */
export function PhoneSettingsMenu({ onSignOut }: { onSignOut: () => void }) {
  // Mantine's `sm` breakpoint, below which the header hides its inline controls.
  const phone = useMediaQuery('(max-width: 47.99em)');
  return phone ? (
    <Lazy>
      <SettingsMenu onSignOut={onSignOut} />
    </Lazy>
  ) : null;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
