/** A server process's memory as Linux counts it (/proc/<pid>/status). */
import { readFileSync } from 'node:fs';

export interface ProcMemory {
  /** Resident now (VmRSS). */
  rssMb: number;
  /** The most it was ever resident since it started (VmHWM, the kernel's high-water mark). */
  peakMb: number;
}

/** Reads VmRSS and VmHWM (kB) out of a status file's text; NaN for what it lacks. */
export function parseProcStatus(text: string): ProcMemory {
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export function procMemory(pid: number): ProcMemory {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}
