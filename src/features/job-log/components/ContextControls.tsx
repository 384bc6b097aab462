import { Button, Group, NativeSelect } from '@mantine/core';
import { IconArrowsVertical } from '@tabler/icons-react';
import { memo } from 'react';
import { CONTEXT_CHOICES, type ContextChoice } from '../model/logPrefs';
import { CONTEXT_STEP } from '../store/contextRows';

export interface ContextControlsProps {
  /** Lines of context around each kept line. */
  value: number;
  onChange: (value: ContextChoice) => void;
  /** A level filter or "Only matching lines" is on: context has something to surround. */
  filtered: boolean;
  /** A line is selected (its permalink), so "Show context" has a line to open around. */
  canOpenAround: boolean;
  onOpenAround: () => void;
}

/** How many lines show around a filter's lines, and opening the context of the selected line. */
export const ContextControls = memo(function ContextControls(props: ContextControlsProps) {
  const { value, onChange, filtered, canOpenAround, onOpenAround } = props;
  const why = filtered ? undefined : 'Context shows around the lines a filter or search keeps';
  return (
    <Group gap={6}>
      <NativeSelect
        size="xs"
        aria-label="Context lines"
        title={why}
        disabled={!filtered}
        value={String(value)}
        onChange={(event) => onChange(event.currentTarget.value as ContextChoice)}
        data={CONTEXT_CHOICES.map((choice) => ({
          value: choice,
          label: choice === '0' ? 'Context: none' : `Context: ${choice} lines`,
        }))}
      />
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconArrowsVertical size={14} />}
        disabled={!filtered || !canOpenAround}
        title={
          !filtered
            ? why
            : canOpenAround
              ? `Show ${CONTEXT_STEP} lines before and after the selected line (c)`
              : 'Select a line (click its number) to show the lines around it'
        }
        onClick={onOpenAround}
      >
        Show context
      </Button>
    </Group>
  );
});
