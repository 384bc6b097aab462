/** What the figures were measured on: they mean little without it. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export function packageVersions(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      try {
        const file = path.join(ROOT, 'node_modules', name, 'package.json');
        return [name, (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version];
      } catch {
        return [name, 'missing'];
      }
    }),
  );
}
