import { useHotkeys, type HotkeyItem } from '@mantine/hooks';

/** An open modal dialog (the token prompt, the abort confirmation) keeps its keys. */
const OPEN_MODAL = '[role="dialog"][aria-modal="true"]';

/**
 * A page's single-key shortcuts ("/", "j", "shift+G"), through Mantine's `useHotkeys`: never
 * while typing in a field or editable content, never with Ctrl, Alt or Meta held (browser and
 * OS shortcuts win). Also never for a key another handler has already taken, nor while a modal
 * dialog is open. A key is claimed (preventDefault) only when its shortcut runs; an item with
 * `{ preventDefault: false }` decides that itself.
 */
export function useShortcuts(hotkeys: HotkeyItem[]): void {
  useHotkeys(
    hotkeys.map(([hotkey, handler, options]) => [
      hotkey,
      (event) => {
        if (event.defaultPrevented || document.querySelector(OPEN_MODAL)) return;
        if (options?.preventDefault !== false) event.preventDefault();
        handler(event);
      },
      { ...options, preventDefault: false },
    ]),
  );
}
