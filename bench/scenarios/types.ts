import type { Browser } from '@playwright/test';
import type { Demo } from '../lib/demo.ts';

/** A server in simulator mode and the jobs the bench made on it. */
export interface Target {
  label: string;
  url: string;
  demo: Demo;
}

export interface BenchJob {
  jobId: string;
  /** The lines it was made with: the size its rows are reported under. */
  lines: number;
  /** The lines its log holds now (appends add to them); `lines` until something appends. */
  held?: number;
  lastId: number;
}

export interface Ctx {
  browser: Browser;
  quick: boolean;
  log: (message: string) => void;
}
