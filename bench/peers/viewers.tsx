import { LazyLog } from '@melloware/react-logviewer';
import { Virtuoso } from 'react-virtuoso';
import { formatLine, type PeerLine } from './lines';

export const VIEW_HEIGHT = 700;

/** @melloware/react-logviewer as its docs show it: the whole text, following. */
export function LogViewerPeer({ text }: { text: string }) {
  return (
    <div style={{ height: VIEW_HEIGHT }} data-peer="react-logviewer">
      <LazyLog text={text} follow height={VIEW_HEIGHT} enableSearch={false} />
    </div>
  );
}

/** react-virtuoso with one div per line, following the output. */
export function VirtuosoPeer({ lines }: { lines: readonly PeerLine[] }) {
  return (
    <Virtuoso
      data-peer="react-virtuoso"
      style={{ height: VIEW_HEIGHT }}
      data={lines}
      computeItemKey={(_, line) => line.id}
      initialTopMostItemIndex={Math.max(0, lines.length - 1)}
      followOutput="auto"
      fixedItemHeight={20}
      itemContent={(_, line) => (
        <div style={{ height: 20, whiteSpace: 'pre', overflow: 'hidden' }} data-log-id={line.id}>
          {formatLine(line)}
        </div>
      )}
    />
  );
}
