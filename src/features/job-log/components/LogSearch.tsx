import { ActionIcon, Checkbox, Group, Text, TextInput, VisuallyHidden } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronUp,
  IconLetterCase,
  IconRegex,
  IconSearch,
} from '@tabler/icons-react';
import { memo, useState, type ReactNode, type Ref } from 'react';
import { formatCount } from '../model/formatCount';

export interface LogSearchProps {
  value: string;
  onChange: (value: string) => void;
  /** 1-based; 0 before the first move. */
  current: number;
  total: number;
  /** Lines the search has read so far, of `held`; null without a search. */
  scanned: number | null;
  held: number;
  /** Whether the search has read every line held. */
  complete: boolean;
  /** Older or newer lines are still being read: "all" the lines held is not the whole log. */
  loading: boolean;
  /** Stands for the search (its matcher's key): a new one is announced afresh. */
  searchKey: string;
  /** Why the search finds nothing (an invalid pattern), shown under the field. */
  error: string | null;
  onMove: (direction: 1 | -1) => void;
  caseSensitive: boolean;
  onCaseChange: (caseSensitive: boolean) => void;
  regex: boolean;
  onRegexChange: (regex: boolean) => void;
  only: boolean;
  onOnlyChange: (only: boolean) => void;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * A polite live region that speaks a search's count once, when its scan completes (keyed by the
 * search), so neither the slices nor a live log's growing count are read out.
 */
function Announce({ text }: { text: string }) {
  const [spoken, setSpoken] = useState('');
  if (text !== '' && spoken === '') setSpoken(text);
  return (
    <VisuallyHidden role="status" aria-live="polite">
      {spoken}
    </VisuallyHidden>
  );
}

function ModeToggle(props: {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  const { label, on, onChange, children } = props;
  return (
    <ActionIcon
      variant={on ? 'filled' : 'default'}
      size="md"
      aria-label={label}
      title={label}
      aria-pressed={on}
      onClick={() => onChange(!on)}
    >
      {children}
    </ActionIcon>
  );
}

/**
 * Text search: Enter / Shift+Enter move between matches; "n of m" counts matching lines as the
 * scan finds them, and says how far it has got until it has read every line held.
 */
export const LogSearch = memo(function LogSearch(props: LogSearchProps) {
  const { value, onChange, current, total, scanned, held, complete, error, onMove } = props;
  const { inputRef, loading, searchKey } = props;
  const { caseSensitive, onCaseChange, regex, onRegexChange, only, onOnlyChange } = props;
  // An invalid pattern's count would be the last valid search's: it shows only its error.
  const searching = scanned !== null && value !== '' && error === null;
  const count = `${formatCount(current)} of ${formatCount(total)}`;
  const lines = (n: number) => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;
  const progress =
    searching && !complete
      ? `Searching... ${formatCount(scanned)} of ${lines(held)}`
      : searching && held > 0
        ? loading
          ? `Searched the ${lines(held)} loaded so far`
          : `Searched all ${lines(held)}`
        : '';
  // Said once the scan ends (not at each slice, nor as each new line is searched).
  const announcement = searching && complete ? `${lines(total)} match` : '';
  return (
    <Group gap={6} align="flex-start">
      <TextInput
        ref={inputRef}
        size="xs"
        style={{ flex: '1 1 180px', maxWidth: 300 }}
        placeholder={regex ? 'Regular expression  ( / )' : 'Search log  ( / )'}
        aria-label="Search log"
        leftSection={<IconSearch size={14} />}
        value={value}
        error={error}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onMove(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') event.currentTarget.blur();
        }}
        rightSectionWidth={Math.max(56, count.length * 7 + 12)}
        rightSection={
          searching ? (
            <Text
              size="xs"
              c="dimmed"
              data-testid="search-count"
              data-complete={complete}
              title={complete ? 'Every line held searched' : 'Still searching'}
            >
              {count}
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
      <ModeToggle label="Match case" on={caseSensitive} onChange={onCaseChange}>
        <IconLetterCase size={16} />
      </ModeToggle>
      <ModeToggle label="Regular expression" on={regex} onChange={onRegexChange}>
        <IconRegex size={16} />
      </ModeToggle>
      <Checkbox
        size="xs"
        mt={6}
        label="Only matching lines"
        checked={only}
        onChange={(event) => onOnlyChange(event.currentTarget.checked)}
      />
      <Text size="xs" c="dimmed" mt={5} data-testid="search-progress">
        {progress}
      </Text>
      <Announce key={searchKey} text={announcement} />
    </Group>
  );
});
