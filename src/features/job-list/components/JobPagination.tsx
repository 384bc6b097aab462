import { Button, Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { PAGE_SIZES, type PageSize } from '../model/listParams';
import { pageCount, pageRangeLabel } from '../model/pageRange';

interface JobPaginationProps {
  page: number;
  limit: PageSize;
  /** Rows on the current page. */
  shown: number;
  /** From `X-Total-Count`; null when the server does not send it: previous/next only. */
  total: number | null;
  onPage: (page: number) => void;
  onLimit: (limit: PageSize) => void;
  disabled?: boolean;
}

export function JobPagination({
  page,
  limit,
  shown,
  total,
  onPage,
  onLimit,
  disabled,
}: JobPaginationProps) {
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" component="nav" aria-label="Pages">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" aria-live="polite" data-testid="page-range">
          {pageRangeLabel(page, limit, shown, total)}
        </Text>
        <NativeSelect
          aria-label="Rows per page"
          size="xs"
          data={PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} / page` }))}
          value={String(limit)}
          onChange={(event) => onLimit(Number(event.currentTarget.value) as PageSize)}
        />
      </Group>
      {total !== null ? (
        <Pagination
          total={pageCount(total, limit)}
          value={page}
          onChange={onPage}
          disabled={disabled}
          size="sm"
          siblings={1}
          boundaries={1}
          getItemProps={(item) => ({
            'aria-label': `Page ${item}`,
            'aria-current': item === page ? 'page' : undefined,
          })}
          getControlProps={(control) => ({
            'aria-label': `${control[0]?.toUpperCase()}${control.slice(1)} page`,
          })}
        />
      ) : (
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
            disabled={disabled || page <= 1}
            onClick={() => onPage(page - 1)}
          >
            Previous
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} aria-hidden />}
            // A short page is the last one: without a total, that is all there is to know.
            disabled={disabled || shown < limit}
            onClick={() => onPage(page + 1)}
          >
            Next
          </Button>
        </Group>
      )}
    </Group>
  );
}
