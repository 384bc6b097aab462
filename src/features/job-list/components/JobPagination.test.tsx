import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { JobPagination } from './JobPagination';

describe('JobPagination', () => {
  it('with a total: the range, page numbers and the page size', async () => {
    const onPage = vi.fn();
    const onLimit = vi.fn();
    renderWithProviders(
      <JobPagination
        page={3}
        limit={20}
        shown={20}
        total={1234}
        onPage={onPage}
        onLimit={onLimit}
      />,
    );
    expect(screen.getByText('41-60 of 1,234')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(screen.getByRole('button', { name: 'Page 4' }));
    expect(onPage).toHaveBeenCalledWith(4);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(onLimit).toHaveBeenCalledWith(50);
  });

  it('without a total: previous/next, next disabled after a short page', async () => {
    const onPage = vi.fn();
    const { rerender } = renderWithProviders(
      <JobPagination
        page={2}
        limit={20}
        shown={20}
        total={null}
        onPage={onPage}
        onLimit={vi.fn()}
      />,
    );
    expect(screen.getByText('21-40')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Page 1' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenCalledWith(3);
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onPage).toHaveBeenCalledWith(1);
    rerender(
      <JobPagination
        page={3}
        limit={20}
        shown={5}
        total={null}
        onPage={onPage}
        onLimit={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });
});
