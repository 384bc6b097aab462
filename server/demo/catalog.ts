/** The fixed vocabulary the generator draws from: workflows, teams, users, places. */

export const STEP_TYPES = [
  'Text',
  'ConfirmStep',
  'Checklist',
  'Number',
  'Photo',
  'Signature',
] as const;

export interface StepTemplate {
  title: string;
  description: string;
  type: string;
}

export interface WorkflowTemplate {
  name: string;
  /** Short label used in job titles. */
  label: string;
  steps: StepTemplate[];
}

const step = (title: string, type: string, description = ''): StepTemplate => ({
  title,
  type,
  description,
});

export const WORKFLOWS: WorkflowTemplate[] = [
  {
    name: 'Pump Station Inspection',
    label: 'Pump inspection',
    steps: [
      step('Confirm isolation', 'ConfirmStep', 'Lock out the pump before opening the housing.'),
      step('Record inlet pressure', 'Number', 'Bar, read from gauge P1.'),
      step('Seal and bearing checklist', 'Checklist'),
      step('Photograph impeller', 'Photo'),
      step('Inspector notes', 'Text'),
      step('Sign off', 'Signature'),
    ],
  },
  {
    name: 'Forklift Pre-use Check',
    label: 'Forklift check',
    steps: [
      step('Enter truck number', 'Text'),
      step('Walk-around checklist', 'Checklist', 'Tyres, forks, chains, hydraulics.'),
      step('Hour meter reading', 'Number'),
      step('Confirm horn and lights', 'ConfirmStep'),
      step('Operator signature', 'Signature'),
    ],
  },
  {
    name: 'Cold Store Temperature Audit',
    label: 'Cold store audit',
    steps: [
      step('Select chamber', 'Text'),
      step('Probe temperature', 'Number', 'Degrees Celsius at the centre rack.'),
      step('Door seal photo', 'Photo'),
      step('Hygiene checklist', 'Checklist'),
      step('Confirm alarm test', 'ConfirmStep'),
      step('Supervisor signature', 'Signature'),
    ],
  },
  {
    name: 'Wind Turbine Blade Survey',
    label: 'Blade survey',
    steps: [
      step('Confirm rotor lock', 'ConfirmStep'),
      step('Blade A photos', 'Photo'),
      step('Blade B photos', 'Photo'),
      step('Blade C photos', 'Photo'),
      step('Leading edge erosion (mm)', 'Number'),
      step('Findings', 'Text'),
      step('Technician signature', 'Signature'),
    ],
  },
  {
    name: 'Line Changeover',
    label: 'Changeover',
    steps: [
      step('Clear previous batch', 'ConfirmStep'),
      step('Line clearance checklist', 'Checklist'),
      step('New batch code', 'Text'),
      step('First-off weight (g)', 'Number'),
      step('QA signature', 'Signature'),
    ],
  },
  {
    name: 'Fire Door Inspection',
    label: 'Fire door',
    steps: [
      step('Door location', 'Text'),
      step('Gap measurement (mm)', 'Number'),
      step('Hardware checklist', 'Checklist'),
      step('Door photo', 'Photo'),
      step('Confirm self-closing', 'ConfirmStep'),
    ],
  },
  {
    name: 'Search Index Maintenance',
    label: 'Index maintenance',
    steps: [
      step('Snapshot current index', 'ConfirmStep'),
      step('Rebuild shard', 'Text', 'Reindex one shard and verify document counts.'),
      step('Verify document counts', 'Number'),
      step('Swap alias', 'ConfirmStep'),
    ],
  },
];

/** The workflow of the long-running job that holds the big log. */
export const BIG_LOG_WORKFLOW = WORKFLOWS.length - 1;
export const BIG_LOG_TITLE = 'Nightly reindex';

export const TEAMS = ['operations', 'maintenance', 'quality', 'logistics'];

export const USERS = [
  'amelia.hart@example.com',
  'bashir.okafor@example.com',
  'chen.wei@example.com',
  'dana.kowalski@example.com',
  'elif.yilmaz@example.com',
  'finn.larsen@example.com',
  'grace.mensah@example.com',
  'hugo.moreau@example.com',
];

/** The demo operator: `GET /jobs/v1/my/` answers this user's jobs unless configured otherwise. */
export const DEFAULT_CURRENT_USER = USERS[0] as string;

export const PLACES = [
  'North Plant',
  'Dock 3',
  'Site 4',
  'Harbour Road',
  'Warehouse B',
  'Line 2',
  'Substation 7',
  'Riverside',
  'Unit 12',
  'East Yard',
];

export const FAILURE_REASONS = [
  'Reading out of tolerance',
  'Equipment unavailable',
  'Safety hazard reported',
  'Device lost connection',
  'Inspection window expired',
];
