import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways inside its own box on narrow screens. A plain overflow box
 * rather than Mantine's ScrollArea: the browser's own scrollbar is all a table needs, and it
 * keeps ScrollArea out of every page's first load.
 */
export function TableScroll({
  minWidth = 0,
  children,
}: {
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
