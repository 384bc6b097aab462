/**
 * The log seen through the job's steps: the step the URL names (`?step=`, `steponly`), its lines
 * as a filter, and where the log opens for a step (the chosen step's first line; an aborted
 * job's failure).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { findSpan, type StepSpan } from '../../../lib/stepSpans';
import type { LogListHandle } from '../components/LogList';
import { failurePoint } from '../model/failurePoint';
import type { LogView } from '../model/logView';
import type { LogStore } from '../store/LogStore';
import type { LineIndex } from '../store/lineIndex';
import type { StepFilter } from '../store/useLogIndexes';
import { useStepTest } from './useStepPlacer';

interface StepUrl {
  step: string;
  steponly: boolean;
  update: (change: { step?: string; steponly?: boolean }) => void;
}

/** The step the URL names, the test of its lines, and the filter the indexes apply. */
export function useChosenStep(steps: readonly StepSpan[], { step, steponly, update }: StepUrl) {
  const chosenStep = step ? findSpan(steps, step) : null;
  const stepTest = useStepTest(steps, chosenStep);
  const stepFilter = useMemo(
    (): StepFilter | null => (stepTest ? { test: stepTest, only: steponly } : null),
    [stepTest, steponly],
  );
  const onStepOnlyChange = useCallback((on: boolean) => update({ steponly: on }), [update]);
  const clearStep = useCallback(() => update({ step: '', steponly: false }), [update]);
  return { chosenStep, stepTest, stepFilter, onStepOnlyChange, clearStep };
}

interface OpenAtStepOptions {
  steps: readonly StepSpan[];
  /** The step that was active when the job was aborted; null otherwise. */
  failedStep: StepSpan | null;
  /** The `?step=` value ('' for none). */
  stepId: string;
  /** The URL permalinks a line: it goes first. */
  lineLinked: boolean;
  stepLines: LineIndex | null;
  store: LogStore;
  errors: LineIndex;
  view: LogView;
  /** The store's version: the effects look again as lines arrive. */
  version: number;
  /** The tail has reached the end of the log. */
  caughtUp: boolean;
  setFollow: (follow: boolean) => void;
  listRef: RefObject<LogListHandle | null>;
  /** Scrolls to a store position and makes it the current line. */
  jump: (position: number) => void;
}

export function useOpenAtStep(options: OpenAtStepOptions): void {
  const { steps, failedStep, stepId, lineLinked, stepLines, store, errors, view } = options;
  const { version, caughtUp, setFollow, listRef, jump } = options;

  // A chosen step scrolls to its first line held, once per step.
  const scrolledStep = useRef<string | null>(null);
  const firstInStep = stepLines && stepLines.size > 0 ? stepLines.positions[0]! : -1;
  useLayoutEffect(() => {
    if (!stepId || lineLinked || firstInStep < 0 || scrolledStep.current === stepId) return;
    scrolledStep.current = stepId;
    setFollow(false);
    listRef.current?.scrollToPosition(firstInStep);
  }, [stepId, lineLinked, firstInStep, view, setFollow, listRef]);

  // An aborted job opens at its failure, once the tail has reached the end of the log.
  const failedTest = useStepTest(steps, failedStep);
  const openedAtFailure = useRef(false);
  useLayoutEffect(() => {
    if (openedAtFailure.current || !failedStep || failedStep.start === null || !failedTest) return;
    if (stepId || lineLinked) {
      openedAtFailure.current = true;
      return;
    }
    if (!caughtUp) return;
    const position = failurePoint(store, errors, failedTest, failedStep.start);
    if (position < 0) return;
    openedAtFailure.current = true;
    jump(position);
  }, [failedStep, failedTest, stepId, lineLinked, caughtUp, store, errors, version, jump]);
}
