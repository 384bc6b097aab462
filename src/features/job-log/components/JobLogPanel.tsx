import { Button, Text } from '@mantine/core';
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLogTail } from '../tail/logTailQuery';
import classes from './JobLogPanel.module.css';
import { LevelChips } from './LevelChips';
import { LogControls } from './LogControls';
import { LogList, type LogListHandle } from './LogList';
import { LogSearch } from './LogSearch';
import { LogStatusLine } from './LogStatusLine';
import { StepScope } from './StepScope';
import type { StepSpan } from '../../../lib/stepSpans';
import { useChosenStep, useOpenAtStep } from '../hooks/useStepView';
import { useTimeZone } from '../../../ui/timeZone';
import { useLogPrefs } from '../model/logPrefs';
import { parseLineHash } from '../model/permalink';
import { useLineNavigation } from '../viewport/useLineNavigation';
import { useFollowState } from '../viewport/useFollowState';
import { useLogExport } from '../hooks/useLogExport';
import { useLogIndexes } from '../store/useLogIndexes';
import { useSections } from '../store/useSections';
import { useContextLines } from '../store/useContextLines';
import { ContextControls } from './ContextControls';
import { useLogUrlState } from '../hooks/useLogUrlState';
import { usePanelHeight } from '../viewport/usePanelHeight';
import { useStableCallback } from '../hooks/useStableCallback';
import { useTimeFormatter } from '../hooks/useTimeFormatter';
import { formatCount } from '../model/formatCount';
import { emptyListText } from '../model/gatewayText';
import { usePanelShortcuts } from '../hooks/usePanelShortcuts';
import { backfillDone } from '../tail/backfillPlan';
import { useLogFilters } from '../hooks/useLogFilters';
import { usePermalink } from '../hooks/usePermalink';
import { useVolume } from '../hooks/useVolume';
import { LogVolume } from './LogVolume';

export interface JobLogPanelProps {
  jobId: string;
  jobTerminal: boolean;
  /** The job's steps on a time axis: `?step=` marks the lines written while one ran. */
  steps?: readonly StepSpan[];
  /**
   * The step that was active when the job was aborted: the log opens at its first ERROR, else
   * its first line (unless the URL names a step or a line).
   */
  failedStep?: StepSpan | null;
}

const NO_STEPS: readonly StepSpan[] = [];

/** The live log of one job: tail, filters, search, permalinks, copy and download. */
export function JobLogPanel(props: JobLogPanelProps) {
  const { jobId, jobTerminal, steps = NO_STEPS, failedStep = null } = props;
  const [paused, setPaused] = useState(false);
  const tail = useLogTail(jobId, { jobTerminal, paused });
  const { store } = tail;
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const prefs = useLogPrefs();
  const url = useLogUrlState();
  const selection = useMemo(() => parseLineHash(url.hash), [url.hash]);
  const live = !tail.tail.done && !jobTerminal;
  const listRef = useRef<LogListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const height = usePanelHeight(panelRef);

  const filters = useLogFilters(url);
  const { search } = filters;

  const { timeZone } = useTimeZone();
  const { chosenStep, stepTest, stepFilter, onStepOnlyChange, clearStep } = useChosenStep(
    steps,
    url,
  );
  const indexes = useLogIndexes(
    store,
    version,
    url.level,
    search.matcher,
    url.only,
    stepFilter,
    filters.timeRange,
  );
  const { matches, errors, stepLines } = indexes;
  // Context around a filter's lines; step sections on the unfiltered log.
  const context = useContextLines(store, version, indexes.kept, prefs.contextLines);
  const sections = useSections(store, version, steps, indexes.view.source === store);
  const view = context.view ?? sections.view ?? indexes.view;

  const { follow, setFollow, newLines } = useFollowState({
    store,
    view,
    answered: tail.tail.updatedAt !== null,
    initial: () => !jobTerminal && selection === null && !url.step,
  });

  const nav = useLineNavigation({ store, view, matches, errors, listRef, setFollow });

  // A permalink scrolls to its line as soon as that line has arrived.
  const { selectionPosition, onIdClick } = usePermalink({
    store,
    view,
    hash: url.hash,
    selection,
    setLineHash: url.setLineHash,
    setFollow,
    listRef,
  });

  useOpenAtStep({
    steps,
    failedStep,
    stepId: url.step,
    lineLinked: selection !== null,
    stepLines,
    store,
    errors,
    view,
    version,
    caughtUp: tail.tail.caughtUp,
    setFollow,
    listRef,
    jump: nav.jump,
  });

  // Counted while drawn, or while a time range hides lines without a time (the range says how many).
  const volume = useVolume(store, version, prefs.volume || filters.timeRange !== null);
  const jumpToId = useStableCallback((id: number) => {
    const position = store.indexOfId(id);
    if (position >= 0) nav.jump(position);
  });

  const exported = useLogExport({ jobId, store, selection, fetchRest: tail.fetchRest });

  // Stable handlers: the memoised toolbar pieces re-render only when what they show changes.
  const onCopy = useStableCallback(exported.copyRange);
  const onDownloadClick = useStableCallback(() => void exported.download());
  const moveError = useStableCallback(nav.moveError);
  const moveMatch = useStableCallback(nav.moveMatch);

  const formatTime = useTimeFormatter(prefs.timeMode);
  const canOpenAround = indexes.kept !== null && selectionPosition >= 0;
  const openAround = useStableCallback(() => {
    if (!canOpenAround) return;
    setFollow(false);
    listRef.current?.openContext(selectionPosition);
  });

  usePanelShortcuts({
    searchRef,
    listRef,
    follow,
    setFollow,
    wrap: prefs.wrap,
    setWrap: prefs.setWrap,
    cycleTimeMode: prefs.cycleTimeMode,
    nextError: () => nav.moveError(1),
    openAround,
  });

  const emptyText = emptyListText({
    answered: tail.tail.updatedAt !== null,
    searching: url.only && matches !== null && !matches.complete && matches.size === 0,
    held: store.size,
    gateway: tail.tail.gateway,
  });

  const waitingFor =
    selection && selectionPosition < 0
      ? tail.tail.done
        ? `Line ${selection.from} is not in this log`
        : `Loading line ${selection.from}`
      : null;

  return (
    <section ref={panelRef} className={classes.panel} aria-label="Job log" style={{ height }}>
      <div className={classes.toolbar}>
        <div className={classes.toolbarRow}>
          <LogControls
            live={live}
            paused={paused}
            onPausedChange={setPaused}
            follow={follow}
            onFollowChange={setFollow}
            wrap={prefs.wrap}
            onWrapChange={prefs.setWrap}
            colors={prefs.colors}
            onColorsChange={prefs.setColors}
            volume={prefs.volume}
            onVolumeChange={prefs.setVolume}
            timeMode={prefs.timeMode}
            onTimeModeChange={prefs.setTimeMode}
            errorsAvailable={errors.size > 0 && url.level.has('ERROR')}
            onError={moveError}
            canCopy={selection !== null && selectionPosition >= 0}
            copied={exported.copied}
            onCopy={onCopy}
            downloadLabel={
              exported.downloading ? `Fetching... ${formatCount(store.size)} lines` : null
            }
            onDownload={onDownloadClick}
          />
        </div>
        <div className={classes.toolbarRow}>
          <LogSearch
            value={filters.searchText}
            onChange={filters.onSearchChange}
            current={nav.matchCursor === null ? 0 : nav.matchCursor + 1}
            total={matches?.size ?? 0}
            scanned={matches ? matches.scannedLines : null}
            held={store.size}
            complete={matches?.complete ?? false}
            loading={!tail.tail.caughtUp || !backfillDone(tail.backfill)}
            searchKey={search.matcher?.key ?? ''}
            error={search.error}
            onMove={moveMatch}
            caseSensitive={url.case}
            onCaseChange={filters.onCaseChange}
            regex={url.regex}
            onRegexChange={filters.onRegexChange}
            only={url.only}
            onOnlyChange={filters.onOnlyChange}
            inputRef={searchRef}
          />
          <LevelChips levels={url.level} store={store} onToggle={filters.onToggleLevel} />
          <ContextControls
            value={prefs.contextLines}
            onChange={prefs.setContext}
            filtered={indexes.kept !== null}
            canOpenAround={canOpenAround}
            onOpenAround={openAround}
          />
        </div>
      </div>
      {url.step ? (
        <StepScope
          span={chosenStep}
          stepId={url.step}
          lines={stepLines?.size ?? 0}
          only={url.steponly}
          onOnlyChange={onStepOnlyChange}
          onClear={clearStep}
          timeZone={timeZone}
        />
      ) : null}
      {prefs.volume || filters.timeRange || filters.timeRangeInvalid ? (
        <LogVolume
          chart={prefs.volume}
          series={volume.series}
          visible={volume.visible}
          range={filters.timeRange}
          rangeInvalid={filters.timeRangeInvalid}
          onRange={filters.onTimeRange}
          onJump={jumpToId}
          complete={tail.tail.caughtUp && backfillDone(tail.backfill)}
        />
      ) : null}
      <div className={classes.listWrap}>
        <LogList
          store={store}
          view={view}
          version={version}
          wrap={prefs.wrap}
          colors={prefs.colors}
          follow={follow}
          onFollowChange={setFollow}
          formatTime={formatTime}
          matcher={search.matcher}
          selection={selection}
          currentMatch={nav.currentPosition}
          onIdClick={onIdClick}
          handleRef={listRef}
          emptyText={emptyText}
          inStep={stepTest}
          sections={sections}
          context={context}
          visibleTimes={prefs.volume ? volume.visible : undefined}
        />
        {newLines > 0 ? (
          <Button
            className={classes.jump}
            size="compact-sm"
            radius="xl"
            onClick={() => setFollow(true)}
          >
            {formatCount(newLines)} new {newLines === 1 ? 'line' : 'lines'} - Jump to latest
          </Button>
        ) : null}
      </div>
      {waitingFor || exported.downloadError ? (
        <Text size="xs" px="xs" c={exported.downloadError ? 'red' : 'dimmed'} role="status">
          {exported.downloadError ? `Download failed: ${exported.downloadError}` : waitingFor}
        </Text>
      ) : null}
      <LogStatusLine
        tail={tail.tail}
        lines={store.size}
        backfill={tail.backfill}
        paused={paused}
        onRetry={tail.retry}
        onRecheck={tail.recheck}
      />
    </section>
  );
}
