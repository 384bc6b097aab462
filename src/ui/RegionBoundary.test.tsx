import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { isChunkLoadError, RegionBoundary } from './RegionBoundary';

function Boom({ message }: { message: string }): never {
  throw new Error(message);
}

describe('RegionBoundary', () => {
  beforeEach(() => {
    // React reports caught errors on the console; the test asserts on the screen instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('offers to try again after an ordinary crash', () => {
    renderWithProviders(
      <RegionBoundary label="the steps">
        <Boom message="cannot read x of undefined" />
      </RegionBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not show the steps');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('offers a reload when code loaded on first use did not arrive', () => {
    renderWithProviders(
      <RegionBoundary label="the raw job">
        <Boom message="Failed to fetch dynamically imported module: /assets/RawJsonView.js" />
      </RegionBoundary>,
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('recognises the browsers’ chunk-load messages and nothing else', () => {
    expect(isChunkLoadError(new Error('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('error loading dynamically imported module'))).toBe(true);
    expect(isChunkLoadError(new Error('x is not a function'))).toBe(false);
  });
});
