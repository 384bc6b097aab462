import { describe, expect, it } from 'vitest';
import { gatewayStatus } from '../../../test/fakeLogServer';
import { missingLogText, staleText, upstreamReadAt } from './gatewayText';

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
    const reason = 'The Job log API answered 503: Service Unavailable.';
    expect(staleText(gatewayStatus({ reason }))).toBe(
      'the Job log API is failing (answered 503: Service Unavailable)',
    );
    expect(staleText(gatewayStatus({ state: 'final', reason }))).toBeNull();
    expect(staleText(gatewayStatus({ state: 'reading', reason }))).toBeNull();
    expect(staleText(gatewayStatus({ state: 'missing', reason }))).toBeNull();
    expect(staleText(gatewayStatus())).toBeNull();
    expect(staleText(null)).toBeNull();
  });

  it('dates what is shown by when the Job log API last answered', () => {
    expect(upstreamReadAt(gatewayStatus({ readAt: '2026-11-29T02:00:00.000Z' }))).toBe(
      Date.parse('2026-11-29T02:00:00.000Z'),
    );
    expect(upstreamReadAt(gatewayStatus({ readAt: null }))).toBeNull();
    expect(upstreamReadAt(null)).toBeNull();
  });
});
