/**
 * Drives the peer viewers for the bench: `window.peers.prepare` fetches the lines (untimed),
 * `mount` and `append` hand them over and resolve at the second animation frame after the call.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { fetchLines, formatLine, moreLines, type PeerLine } from './lines';
import { LogViewerPeer, VirtuosoPeer } from './viewers';

export type PeerKind = 'react-logviewer' | 'react-virtuoso';

export interface PeerTiming {
  /** ms from the call to the second animation frame after it */
  painted: number;
  /** The scroll position is at the end: the newest line is in view. */
  atTail: boolean;
}

export interface PeersApi {
  prepare(jobId: string, kind: PeerKind): Promise<number>;
  mount(): Promise<PeerTiming>;
  append(count: number): Promise<PeerTiming>;
  /** Marks the element that scrolls and returns its selector. */
  scroller(): string;
}

declare global {
  interface Window {
    peers?: PeersApi;
  }
}

let root: Root | null = null;
let kind: PeerKind = 'react-virtuoso';
let lines: PeerLine[] = [];
let text = '';

function render() {
  const element =
    kind === 'react-logviewer' ? <LogViewerPeer text={text} /> : <VirtuosoPeer lines={lines} />;
  root ??= createRoot(document.getElementById('root')!);
  root.render(element);
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function findScroller(): HTMLElement | null {
  let best: HTMLElement | null = null;
  for (const el of document.querySelectorAll<HTMLElement>('#root *')) {
    if (el.scrollHeight - el.clientHeight < 40) continue;
    const overflow = getComputedStyle(el).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    if (!best || el.scrollHeight > best.scrollHeight) best = el;
  }
  return best;
}

function atTail(): boolean {
  const el = findScroller();
  if (!el) return true;
  return el.scrollHeight - el.scrollTop - el.clientHeight < 40;
}

/** The newest line's text is laid out in view (both viewers render only what is in view). */
function tailShown(): boolean {
  const last = lines[lines.length - 1];
  if (!last) return true;
  const key = formatLine(last).slice(0, 40);
  const root = document.getElementById('root')!;
  return root.textContent?.includes(key) ?? false;
}

const MAX_FRAMES = 300;

/**
 * From the call to the frame after the one in which the newest line was found in the DOM (at
 * least the second frame after the call); a viewer that never shows it within MAX_FRAMES frames
 * is timed to then and reported as not at the tail.
 */
async function timed(work: () => void): Promise<PeerTiming> {
  const start = performance.now();
  work();
  await frame();
  let frames = 0;
  while (!tailShown() && frames++ < MAX_FRAMES) await frame();
  await frame();
  const painted = performance.now() - start;
  performance.mark('bench:tail');
  return { painted, atTail: tailShown() && atTail() };
}

window.peers = {
  async prepare(jobId, which) {
    kind = which;
    const fetched = await fetchLines(jobId);
    // Each viewer holds only the form it is handed.
    if (kind === 'react-logviewer') text = fetched.map(formatLine).join('\n');
    lines = kind === 'react-logviewer' ? fetched.slice(-1000) : fetched;
    return fetched.length;
  },
  mount: () => timed(() => flushSync(render)),
  append(count) {
    const last = lines[lines.length - 1]!;
    const added = moreLines(lines, count, last.id + 1);
    return timed(() => {
      if (kind === 'react-logviewer') {
        text = `${text}\n${added.map(formatLine).join('\n')}`;
        lines = [...lines.slice(-1000), ...added];
      } else lines = [...lines, ...added];
      flushSync(render);
    });
  },
  scroller() {
    const el = findScroller();
    if (!el) throw new Error('no scrolling element');
    el.dataset.benchScroller = '';
    return '[data-bench-scroller]';
  },
};
