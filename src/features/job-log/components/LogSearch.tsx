import { ActionIcon, Checkbox, Group, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSearch } from '@tabler/icons-react';
import { memo, type Ref } from 'react';

export interface LogSearchProps {
  value: string;
  onChange: (value: string) => void;
  /** 1-based; 0 before the first move. */
  current: number;
  total: number;
  onMove: (direction: 1 | -1) => void;
  only: boolean;
  onOnlyChange: (only: boolean) => void;
  inputRef: Ref<HTMLInputElement>;
}

/** Text search: Enter / Shift+Enter move between matches; "n of m" counts matching lines. */
export const LogSearch = memo(function LogSearch(props: LogSearchProps) {
  const { value, onChange, current, total, onMove, only, onOnlyChange, inputRef } = props;
  return (
    <Group gap={6}>
      <TextInput
        ref={inputRef}
        size="xs"
        style={{ flex: '1 1 160px', maxWidth: 260 }}
        placeholder="Search log  ( / )"
        aria-label="Search log"
        leftSection={<IconSearch size={14} />}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onMove(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') event.currentTarget.blur();
        }}
        rightSectionWidth={70}
        rightSection={
          value ? (
            <Text size="xs" c="dimmed" aria-live="polite" data-testid="search-count">
              {current} of {total}
            </Text>
          ) : null
        }
      />
      <ActionIcon
        variant="default"
        size="md"
        aria-label="Previous match"
        disabled={total === 0}
        onClick={() => onMove(-1)}
      >
        <IconChevronUp size={14} />
      </ActionIcon>
      <ActionIcon
        variant="default"
        size="md"
        aria-label="Next match"
        disabled={total === 0}
        onClick={() => onMove(1)}
      >
        <IconChevronDown size={14} />
      </ActionIcon>
      <Checkbox
        size="xs"
        label="Only matching lines"
        checked={only}
        onChange={(event) => onOnlyChange(event.currentTarget.checked)}
      />
    </Group>
  );
});
