import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type Ref } from 'react';

export const SEARCH_DEBOUNCE_MS = 300;

interface SearchInputProps {
  /** The committed search (from the URL). */
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Why search is unavailable; the field is disabled when set. */
  disabledReason?: string | null;
}

/** Search as you type, committed after a pause so the URL and the server see one change. */
export function SearchInput({ value, onChange, inputRef, disabledReason }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim()), SEARCH_DEBOUNCE_MS);
  // Back/forward or "clear filters" change the value from outside: show it, unless the text
  // already says the same (a trailing space being typed must survive its own commit).
  if (value !== committed) {
    setCommitted(value);
    if (text.trim() !== value) setText(value);
  }
  return (
    <TextInput
      ref={inputRef}
      type="search"
      label="Search"
      placeholder={disabledReason ? 'Needs the job index' : 'Title, job id or owner'}
      disabled={!!disabledReason}
      title={disabledReason ?? undefined}
      value={disabledReason ? '' : text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
        if (event.key === 'Escape' && text) {
          event.preventDefault();
          setText('');
          commit('');
          commit.flush();
        }
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        disabledReason ? null : text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              commit('');
              commit.flush();
            }}
          />
        ) : (
          <Kbd size="xs" aria-hidden title="Press / to search">
            /
          </Kbd>
        )
      }
      miw={200}
      style={{ flex: '1 1 16rem' }}
    />
  );
}
