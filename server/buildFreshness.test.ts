import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleBuildReason } from './buildFreshness.ts';

let root: string;
const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));

async function file(relative: string, seconds: number) {
  const target = path.join(root, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, relative);
  await utimes(target, at(seconds), at(seconds));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jobscope-build-'));
  await file('src/app/router.tsx', 1);
  await file('index.html', 1);
  await file('vite.config.ts', 1);
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('staleBuildReason', () => {
  it('asks for a build when there is none', async () => {
    expect(await staleBuildReason(root)).toBe('dist/index.html does not exist');
  });

  it('accepts a build newer than every input', async () => {
    await file('dist/index.html', 10);
    expect(await staleBuildReason(root)).toBeNull();
  });

  it.each(['src/app/router.tsx', 'src/deep/new/File.tsx', 'index.html', 'vite.config.ts'])(
    'asks for a build when %s changed after it',
    async (changed) => {
      await file('dist/index.html', 10);
      await file(changed, 20);
      expect(await staleBuildReason(root)).toBe(`${changed} changed after the last build`);
    },
  );
});
