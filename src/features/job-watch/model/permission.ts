/**
 * The browser's desktop notification permission, read and asked for. Asked only from an
 * operator's click on "Notify me" (browsers ignore or penalise a prompt nobody asked for).
 */

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Asks when the operator has not decided yet; must be called from the click itself (user
 * activation). A browser that fails to ask leaves the permission as it was.
 */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  const current = desktopPermission();
  if (current !== 'default') return current;
  try {
    return await Notification.requestPermission();
  } catch {
    return desktopPermission();
  }
}
