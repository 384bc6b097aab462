/** Getting lines out of the panel: copying the permalinked range, downloading the whole log. */
import { useClipboard } from '@mantine/hooks';
import { useState } from 'react';
import type { TailSnapshot } from '../tail/TailSession';
import type { LogStore } from '../store/LogStore';
import { rangeText, saveLogFile } from '../model/downloadLog';
import type { LineRange } from '../model/permalink';

export interface LogExport {
  /** The range was copied a moment ago. */
  copied: boolean;
  copyRange: () => void;
  /** Fetching the rest of the log for a download. */
  downloading: boolean;
  /** Why the last download failed; null when it did not. */
  downloadError: string | null;
  download: () => Promise<void>;
}

export function useLogExport(options: {
  jobId: string;
  store: LogStore;
  selection: LineRange | null;
  fetchRest: () => Promise<TailSnapshot>;
}): LogExport {
  const { jobId, store, selection, fetchRest } = options;
  const clipboard = useClipboard({ timeout: 1500 });
  function copyRange() {
    if (selection) clipboard.copy(rangeText(store, selection.from, selection.to));
  }

  const [state, setState] = useState<{ error: string | null } | null>(null);
  async function download() {
    setState({ error: null });
    try {
      const { store: complete } = await fetchRest();
      saveLogFile(jobId, complete);
      setState(null);
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    copied: clipboard.copied,
    copyRange,
    downloading: state !== null && state.error === null,
    downloadError: state?.error ?? null,
    download,
  };
}
