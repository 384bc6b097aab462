/** Shortcuts never fire while typing or with a modifier held (browser and OS shortcuts win). */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable) return false;
  return !target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}
