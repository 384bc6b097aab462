import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testLine } from '../testLines';
import { LogStore } from '../store/LogStore';
import { renderWithProviders } from '../../../test/render';
import { LevelChips } from './LevelChips';

const line = (id: number, level: string) => testLine(id, level, `m${id}`);

describe('LevelChips', () => {
  it('follows the store: counts update on append, OTHER appears with its first line', () => {
    const store = new LogStore();
    store.append([line(1, 'ERROR'), line(2, 'INFO')]);
    const levels = new Set(['ERROR', 'WARN', 'INFO', 'DEBUG', 'OTHER'] as const);
    renderWithProviders(<LevelChips levels={levels} store={store} onToggle={vi.fn()} />);
    expect(screen.getByRole('checkbox', { name: 'ERROR 1' })).toBeChecked();
    expect(screen.queryByRole('checkbox', { name: /^OTHER/ })).toBeNull();

    act(() => {
      store.append([line(3, 'ERROR'), line(4, 'NOTICE'), ...[5, 6].map((id) => line(id, 'INFO'))]);
    });
    expect(screen.getByRole('checkbox', { name: 'ERROR 2' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'INFO 3' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'OTHER 1' })).toBeInTheDocument();
  });
});
