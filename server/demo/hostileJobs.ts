/**
 * A seeded set of hostile jobs (POST /__demo/hostile): every input of the hostile corpus in
 * titles, users, teams, step titles and notes, metadata keys and values, and log messages; odd
 * dates, numbers as strings and empty ids. The compact job records cannot hold such fields, so
 * an overlay rewrites a job's wire object as it is serialised.
 */
import type { Step, WorkflowJob } from '../../src/contract/index.ts';
import { createDemoJob } from './demoJobs.ts';
import { HOSTILE_STRINGS, LONG_WORD, hostile, megaLine } from './hostileCorpus.ts';
import { writeLog } from './lifecycle.ts';
import { LEVEL_DEBUG, LEVEL_ERROR, LEVEL_INFO, LEVEL_WARN } from './logText.ts';
import type { SimJob } from './model.ts';
import type { World } from './world.ts';

type Overlay = (wire: WorkflowJob) => void;

/** Keyed by the job record: a reset drops the world's jobs and their overlays with them. */
const overlays = new WeakMap<SimJob, Overlay>();

/** The hook `toWorkflowJob` calls: a hostile job's wire object, rewritten in place. */
export function applyHostileOverlay(job: SimJob, wire: WorkflowJob): WorkflowJob {
  overlays.get(job)?.(wire);
  return wire;
}

export type HostileRole = 'markup' | 'text' | 'dates' | 'empty-ids' | 'blank-job-id';

export interface HostileJob {
  role: HostileRole;
  jobId: string;
  title: string;
}

export interface HostileSet {
  jobs: HostileJob[];
  /** Every corpus string, by name, as written into the jobs and logs. */
  strings: { name: string; value: string }[];
  /** The job whose log holds the 1 MB line. */
  megaLineJobId: string;
}

const LEVELS = [LEVEL_DEBUG, LEVEL_INFO, LEVEL_WARN, LEVEL_ERROR];
const corpus = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!.value;

function allSteps(wire: WorkflowJob): Step[] {
  const current = wire.metadata.currentStep?.singleStep;
  return [
    ...(wire.completedSteps ?? []),
    ...(wire.cancelledSteps ?? []),
    ...(current ? [current] : []),
  ];
}

/** Every corpus string as a key and as a value, plus nesting and non-string values. */
function hostileMetadata(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, value } of HOSTILE_STRINGS) {
    out[`${name} ${value.slice(0, 80)}`] = value;
  }
  out['ScheduledJobId'] = 'javascript:alert("scheduled")';
  out['link'] = 'https://example.com/"><script>alert(1)</script>';
  out['count'] = '42';
  out['nested <b>object</b>'] = { '<i>key</i>': ['<script>alert(1)</script>', 7, null, true] };
  out[''] = 'value of an empty key';
  return out;
}

const markupOverlay: Overlay = (wire) => {
  wire.metadata.metadata = hostileMetadata();
  wire.metadata.workflowName = hostile('html');
  wire.metadata.abandonReason = hostile('script');
  allSteps(wire).forEach((step, i) => {
    step.stepTitle = corpus(i + 1);
    step.stepDescription = corpus(i + 2);
    step.note = corpus(i);
    step.stepType = i % 3 === 0 ? hostile('svg') : step.stepType;
    step.values = [
      corpus(i),
      { label: corpus(i + 3), checked: 'yes' },
      { url: hostile('javascript-url') },
    ];
    step.metadata = { [corpus(i)]: corpus(i + 4) };
    step.deviceId = hostile('data-url');
  });
};

const textOverlay: Overlay = (wire) => {
  wire.metadata.metadata = { long: LONG_WORD, rtl: hostile('rtl-override'), nul: hostile('nul') };
  allSteps(wire).forEach((step, i) => {
    step.note = i % 2 ? LONG_WORD : `${hostile('ansi')} ${hostile('emoji')}`;
    step.stepTitle = i % 2 ? hostile('zero-width') : hostile('rtl-override');
  });
};

const datesOverlay: Overlay = (wire) => {
  const m = wire.metadata;
  m.created = '2999-12-31T23:59:59.000Z';
  m.updated = '0001-01-01T00:00:00.000Z';
  m.modified = 'not a date';
  m.metadata = { due: 'yesterday-ish', scheduled: '1970-01-01T00:00:00Z', count: '12' };
  allSteps(wire).forEach((step, i) => {
    step.stepNumber = String(step.stepNumber ?? i + 1);
    if (i % 3 === 0) {
      step.started = 'not a date';
      step.completed = step.completed === null ? null : '';
      step.timeEvents = { 'not a date': 0, '2999-01-01T00:00:00Z': '1', '': null };
    } else if (i % 3 === 1) {
      delete step.started;
      delete step.updated;
      step.timeEvents = null;
    } else {
      step.started = '1900-01-01T00:00:00Z';
      step.coordinates = { latitude: '51.5', longitude: 'west' };
    }
  });
};

const emptyIdsOverlay: Overlay = (wire) => {
  const m = wire.metadata;
  m.clientJobId = '';
  m.workflowId = '';
  m.workflowVersionId = '';
  m.userId = '';
  m.username = '';
  m.jobTitle = '';
  m.status = '';
  m.workflowName = '';
  wire.team = '';
  wire.packetIds = [''];
  wire.hierarchyStack = [{ id: '', name: '' }];
  allSteps(wire).forEach((step) => {
    step.stepId = '';
    step.uniqueStepId = '';
    step.previousUniqueStepId = '';
    step.stepTitle = '';
    step.stepType = '';
  });
};

const blankJobIdOverlay: Overlay = (wire) => {
  wire.jobId = '';
};

interface Recipe {
  role: HostileRole;
  title: string;
  status: string;
  steps: number;
  currentStep: number;
  username: string;
  team: string;
  overlay: Overlay;
}

const RECIPES: Recipe[] = [
  {
    role: 'markup',
    title: `Hostile markup ${hostile('script')} ${hostile('html')}`,
    status: '<b>Quarantined</b>',
    steps: HOSTILE_STRINGS.length + 1,
    currentStep: HOSTILE_STRINGS.length + 1,
    username: '<img src=x onerror=alert("user")>@example.com',
    team: hostile('svg'),
    overlay: markupOverlay,
  },
  {
    role: 'text',
    title: `Hostile text ${hostile('rtl-override')} ${hostile('zero-width')} ${hostile('ansi')} ${hostile('emoji')} ${hostile('nul')} ${LONG_WORD}`,
    status: 'Active',
    steps: 4,
    currentStep: 3,
    username: `${hostile('emoji')}@example.com`,
    team: hostile('rtl-override'),
    overlay: textOverlay,
  },
  {
    role: 'dates',
    title: 'Hostile dates: future, far past, invalid, missing',
    status: 'Paused',
    steps: 6,
    currentStep: 6,
    username: 'dates@example.com',
    team: 'operations',
    overlay: datesOverlay,
  },
  {
    role: 'empty-ids',
    title: 'Hostile empty ids',
    status: 'Active',
    steps: 3,
    currentStep: 2,
    username: 'empty@example.com',
    team: 'operations',
    overlay: emptyIdsOverlay,
  },
  {
    role: 'blank-job-id',
    title: 'Hostile blank job id',
    status: 'Completed',
    steps: 2,
    currentStep: 2,
    username: 'blank@example.com',
    team: 'operations',
    overlay: blankJobIdOverlay,
  },
];

/** Every corpus string as a log line at each level in turn, then (on the first job) 1 MB. */
function writeHostileLogs(world: World, job: SimJob, at: number, withMegaLine: boolean): void {
  HOSTILE_STRINGS.forEach(({ value }, i) => {
    writeLog(world, job, at, LEVELS[i % LEVELS.length]!, value);
  });
  if (withMegaLine) writeLog(world, job, at, LEVEL_WARN, megaLine());
  writeLog(world, job, at, LEVEL_INFO, 'End of the hostile log');
}

/** How many jobs one hostile set adds. */
export const HOSTILE_SET_SIZE = (): number => RECIPES.length;

export function createHostileJobs(world: World, now: number): HostileSet {
  const jobs: HostileJob[] = [];
  let megaLineJobId = '';
  RECIPES.forEach((recipe, i) => {
    const job = createDemoJob(
      world,
      {
        title: recipe.title,
        status: recipe.status,
        steps: recipe.steps,
        currentStep: recipe.currentStep,
        username: recipe.username,
        team: recipe.team,
        historicalLogs: 0,
        logRate: 0,
        running: false,
      },
      now,
    );
    overlays.set(job, recipe.overlay);
    writeHostileLogs(world, job, now, i === 0);
    if (i === 0) megaLineJobId = job.jobId;
    jobs.push({ role: recipe.role, jobId: job.jobId, title: recipe.title });
  });
  return { jobs, strings: HOSTILE_STRINGS.map((s) => ({ ...s })), megaLineJobId };
}
