import { ActionIcon, Button, Chip, Group, NativeSelect } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCopy,
  IconDownload,
  IconPlayerPause,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { memo } from 'react';
import { TIME_MODES, TIME_MODE_LABELS, type TimeMode } from '../model/logPrefs';

export interface LogControlsProps {
  live: boolean;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  wrap: boolean;
  onWrapChange: (wrap: boolean) => void;
  /** ANSI colours and styles shown; off shows every line plain. */
  colors: boolean;
  onColorsChange: (colors: boolean) => void;
  /** The volume histogram shown above the lines. */
  volume: boolean;
  onVolumeChange: (volume: boolean) => void;
  timeMode: TimeMode;
  onTimeModeChange: (mode: TimeMode) => void;
  errorsAvailable: boolean;
  onError: (direction: 1 | -1) => void;
  canCopy: boolean;
  copied: boolean;
  onCopy: () => void;
  downloadLabel: string | null;
  onDownload: () => void;
}

/** Memoised: new lines leave these props alone, so an append does not re-render the toolbar. */
export const LogControls = memo(function LogControls(props: LogControlsProps) {
  return (
    <Group gap={6}>
      {props.live ? (
        <Button
          size="compact-sm"
          variant="default"
          leftSection={props.paused ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />}
          onClick={() => props.onPausedChange(!props.paused)}
        >
          {props.paused ? 'Resume' : 'Pause'}
        </Button>
      ) : null}
      <Chip size="xs" checked={props.follow} onChange={props.onFollowChange}>
        Follow
      </Chip>
      <Chip size="xs" checked={props.wrap} onChange={props.onWrapChange}>
        Wrap
      </Chip>
      <Chip size="xs" checked={props.colors} onChange={props.onColorsChange}>
        Colours
      </Chip>
      <Chip size="xs" checked={props.volume} onChange={props.onVolumeChange}>
        Volume
      </Chip>
      <NativeSelect
        size="xs"
        aria-label="Timestamps"
        value={props.timeMode}
        onChange={(event) => props.onTimeModeChange(event.currentTarget.value as TimeMode)}
        data={TIME_MODES.map((mode) => ({ value: mode, label: `Time: ${TIME_MODE_LABELS[mode]}` }))}
      />
      {/* Native titles, not positioned tooltips: they cost the first load nothing. */}
      <ActionIcon
        variant="default"
        color="red"
        aria-label="Previous error"
        title="Previous error"
        disabled={!props.errorsAvailable}
        onClick={() => props.onError(-1)}
      >
        <IconArrowUp size={14} />
      </ActionIcon>
      <ActionIcon
        variant="default"
        color="red"
        aria-label="Next error"
        title="Next error (e)"
        disabled={!props.errorsAvailable}
        onClick={() => props.onError(1)}
      >
        <IconArrowDown size={14} />
      </ActionIcon>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconCopy size={14} />}
        disabled={!props.canCopy}
        onClick={props.onCopy}
      >
        {props.copied ? 'Copied' : 'Copy'}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconDownload size={14} />}
        disabled={props.downloadLabel !== null}
        onClick={props.onDownload}
      >
        {props.downloadLabel ?? 'Download'}
      </Button>
    </Group>
  );
});
