import { describe, expect, it } from 'vitest';
import { gatewayStatus } from '../../test/fakeLogServer';
import { missingLogText, staleText } from './gatewayText';

describe('what the panel says about the gateway', () => {
  it("names the id asked for, else gives the gateway's reason", () => {
    const missing = gatewayStatus({ state: 'missing', reason: 'no log id' });
    expect(missingLogText({ ...missing, logJobId: '42' })).toBe(
      'The Job log API has no log for this job (id 42)',
    );
    expect(missingLogText({ ...missing, logJobId: null })).toBe(
      'The Job log API has no log for this job: no log id',
    );
    expect(missingLogText({ ...missing, logJobId: null, reason: null })).toBe(
      'The Job log API has no log for this job',
    );
  });

  it('reports an upstream problem only while serving what is held', () => {
    const reason = 'HTTP 503';
    expect(staleText(gatewayStatus({ reason }))).toBe(
      'Job log API problem: HTTP 503; showing what Jobscope holds',
    );
    expect(staleText(gatewayStatus({ state: 'final', reason }))).not.toBeNull();
    expect(staleText(gatewayStatus({ state: 'reading', reason }))).toBeNull();
    expect(staleText(gatewayStatus({ state: 'missing', reason }))).toBeNull();
    expect(staleText(gatewayStatus())).toBeNull();
    expect(staleText(null)).toBeNull();
  });
});
