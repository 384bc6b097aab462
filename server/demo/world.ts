/** The simulated world: the population, its indexes, the log id sequence and the randomness. */
import { DEFAULT_CURRENT_USER, TEAMS, USERS, WORKFLOWS } from './catalog.ts';
import { JobIndex } from './jobIndex.ts';
import { IdSequence } from './logStore.ts';
import { SALT_MAX, type SimJob, type User, type Workflow } from './model.ts';
import { Random, hash32, hashString } from './random.ts';

export interface WorldConfig {
  seed: number;
  jobs: number;
  bigLogLines: number;
  currentUser: string;
}

/** At most this many jobs change on their own at once, whatever the population size. */
export const MAX_LIVE = 40;

export class World {
  readonly jobs = new Map<string, SimJob>();
  private readonly byClientId = new Map<string, SimJob>();
  /** Jobs whose log lives under another id in the Job log API. */
  private readonly byLogId = new Map<string, SimJob>();
  readonly index = new JobIndex();
  readonly ids: IdSequence;
  /** Separate streams, so creating a job through /__demo does not change the engine's future. */
  readonly genRng: Random;
  readonly engineRng: Random;
  readonly demoRng: Random;
  readonly faultRng: Random;
  readonly workflows: Workflow[];
  /** The workflows of ordinary jobs (all but the big-log one). */
  everyday: Workflow[] | null = null;
  private readonly workflowsById = new Map<string, Workflow>();
  readonly users: User[];
  private readonly usersByName = new Map<string, User>();
  readonly teams = TEAMS;
  /** Jobs the engine may change (running, Active or Paused with a resume planned). */
  readonly live = new Set<SimJob>();
  /** How many engine-driven jobs the world tries to keep running. */
  targetLive = 0;
  titleSeq = 1000;
  /** Jobs made through /__demo since this world was built (see DEMO_LIMITS). */
  createdJobs = 0;
  bigLogJobId: string | null = null;
  /** Simulated up to this time (ms). */
  clock: number;
  readonly populationCap: number;

  constructor(
    readonly config: WorldConfig,
    now: number,
  ) {
    const seed = config.seed >>> 0;
    this.genRng = new Random(hash32(seed, 1));
    this.engineRng = new Random(hash32(seed, 2));
    this.demoRng = new Random(hash32(seed, 3));
    this.faultRng = new Random(hash32(seed, 4));
    this.ids = new IdSequence(hash32(seed, 5));
    this.clock = now;
    this.populationCap = config.jobs + Math.max(20, Math.ceil(config.jobs / 10));
    this.workflows = WORKFLOWS.map((template) => ({
      workflowId: this.genRng.uuid(),
      workflowVersionId: this.genRng.uuid(),
      name: template.name,
      label: template.label,
      steps: template.steps,
      salt: this.genRng.int(0, SALT_MAX),
    }));
    for (const workflow of this.workflows) this.workflowsById.set(workflow.workflowId, workflow);
    const names = USERS.includes(config.currentUser) ? USERS : [...USERS, config.currentUser];
    this.users = names.map((username) => this.userFor(username));
  }

  workflow(workflowId: string): Workflow | undefined {
    return this.workflowsById.get(workflowId);
  }

  /** A workflow a /__demo request named but the catalog does not have. */
  adHocWorkflow(workflowId: string): Workflow {
    const known = this.workflowsById.get(workflowId);
    if (known) return known;
    const template = WORKFLOWS[hashString(workflowId, this.config.seed) % WORKFLOWS.length];
    const workflow: Workflow = {
      workflowId,
      workflowVersionId: this.demoRng.uuid(),
      name: `Workflow ${workflowId}`,
      label: 'Job',
      steps: template?.steps ?? [],
      salt: this.demoRng.int(0, SALT_MAX),
    };
    this.workflowsById.set(workflowId, workflow);
    return workflow;
  }

  userFor(username: string): User {
    let user = this.usersByName.get(username);
    if (!user) {
      user = { username, userId: new Random(hashString(username, this.config.seed)).hex(24) };
      this.usersByName.set(username, user);
    }
    return user;
  }

  get defaultUser(): string {
    return this.config.currentUser || DEFAULT_CURRENT_USER;
  }

  /** A job by its jobId or, failing that, its clientJobId. */
  find(id: string): SimJob | undefined {
    return this.jobs.get(id) ?? this.byClientId.get(id);
  }

  /**
   * A job as the Job log API knows it: by its log id when it has one (then its jobId is
   * unknown there, as in two separate products), else by jobId or clientJobId.
   */
  findLog(id: string): SimJob | undefined {
    const mapped = this.byLogId.get(id);
    if (mapped) return mapped;
    const job = this.find(id);
    return job?.logJobId ? undefined : job;
  }

  /** Log lines held in memory across every job. */
  storedLines(): number {
    let total = 0;
    for (const job of this.jobs.values()) total += job.logs.stored;
    return total;
  }

  add(job: SimJob): void {
    this.jobs.set(job.jobId, job);
    this.byClientId.set(job.clientJobId, job);
    if (job.logJobId) this.byLogId.set(job.logJobId, job);
    this.index.add(job);
  }

  remove(job: SimJob): void {
    job.removed = true;
    this.jobs.delete(job.jobId);
    this.byClientId.delete(job.clientJobId);
    if (job.logJobId) this.byLogId.delete(job.logJobId);
    this.live.delete(job);
    this.index.remove();
  }

  /** A job's status or updated time changed. */
  touch(job: SimJob, at: number): void {
    job.updated = Math.max(job.updated, at);
    this.index.touch(job);
  }

  /** A fresh 24-hex id, unique in this world. */
  newJobId(rng: Random): string {
    let id = rng.hex(24);
    while (this.jobs.has(id)) id = rng.hex(24);
    return id;
  }
}
