/**
 * The wrapping mode's virtualizer: @tanstack/react-virtual measures rows of differing heights.
 * It loads the first time wrapping is on, so the default (no-wrap) view never downloads it. The
 * hook mirrors the package's own `useVirtualizer` (options every render, mount and update in
 * layout effects, a re-render when the virtualizer changes), around a module imported on demand.
 */
import type * as ReactVirtual from '@tanstack/react-virtual';
import type { Virtualizer, VirtualizerOptions } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';

type VirtualModule = typeof ReactVirtual;

let loaded: VirtualModule | null = null;
let loading: Promise<VirtualModule> | null = null;

function loadModule(): Promise<VirtualModule> {
  loading ??= import('@tanstack/react-virtual').then((module) => (loaded = module));
  return loading;
}

export type WrapVirtualizer = Virtualizer<HTMLDivElement, Element>;

export type WrapOptions = Pick<
  VirtualizerOptions<HTMLDivElement, Element>,
  'count' | 'getScrollElement' | 'estimateSize' | 'getItemKey' | 'overscan'
>;

/** The virtualizer while `enabled` and loaded; null otherwise (the caller lays rows out itself). */
export function useWrapVirtualizer(enabled: boolean, options: WrapOptions): WrapVirtualizer | null {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [module, setModule] = useState<VirtualModule | null>(loaded);
  useEffect(() => {
    if (!enabled || module) return;
    let live = true;
    void loadModule().then((m) => {
      if (live) setModule(() => m);
    });
    return () => {
      live = false;
    };
  }, [enabled, module]);

  const instance = useMemo(() => {
    if (!module) return null;
    // A measurement from a row's ref callback must not flushSync inside React's commit.
    let measuring = false;
    const virtualizer = new module.Virtualizer<HTMLDivElement, Element>({
      ...options,
      observeElementRect: module.observeElementRect,
      observeElementOffset: module.observeElementOffset,
      scrollToFn: module.elementScroll,
      onChange: (_instance, sync) => {
        if (sync && !measuring) flushSync(rerender);
        else rerender();
      },
    });
    const measure = virtualizer.measureElement;
    virtualizer.measureElement = (node) => {
      measuring = true;
      try {
        measure(node);
      } finally {
        measuring = false;
      }
    };
    return virtualizer;
    // Created once per module; `setOptions` below hands it the latest options on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [module]);

  if (instance) {
    instance.setOptions({
      ...instance.options,
      ...options,
      count: enabled ? options.count : 0,
      enabled,
    });
  }

  useLayoutEffect(() => instance?._didMount(), [instance]);
  useLayoutEffect(() => {
    instance?._willUpdate();
  });

  return enabled ? instance : null;
}
