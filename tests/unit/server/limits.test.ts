import { describe, expect, it } from 'vitest';
import { clientKey, httpServerOptions, limitsFromEnv } from '../../../src/server/limits';
import { opForTablet } from '../../../src/server/pull-privacy';

describe('server limits', () => {
  it('defaults to 30 s per request, 20 s for headers, 1000 connections; reads the environment', () => {
    expect(limitsFromEnv({})).toEqual({ requestTimeoutMs: 30_000, headersTimeoutMs: 20_000, maxConnections: 1000 });
    expect(limitsFromEnv({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '9000', MAX_CONNECTIONS: '50' })).toEqual({
      requestTimeoutMs: 5000,
      headersTimeoutMs: 5000, // never longer than the whole request
      maxConnections: 50,
    });
    expect(() => limitsFromEnv({ MAX_CONNECTIONS: 'lots' })).toThrow(/MAX_CONNECTIONS: a whole number/);
    expect(() => limitsFromEnv({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(httpServerOptions(limitsFromEnv({ HEADERS_TIMEOUT_MS: '500' }))).toMatchObject({ headersTimeout: 500, connectionsCheckingInterval: 500 });
  });

  it('counts an IPv4 client by address and an IPv6 client by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:0:5::1')).toBe(clientKey('2001:0db8:0000:0005:ffff:1:2:3'));
    expect(clientKey('2001:db8:0:5::1')).not.toBe(clientKey('2001:db8:0:6::1'));
    expect(clientKey('not an address')).toBe('unknown');
  });
});

describe('pulled ops for staff tablets', () => {
  it('drop a survey comment and nothing else', () => {
    const survey = { type: 'survey.submitted', data: { rating: 'satisfied', comment: 'Chị Lan rất nhiệt tình', dossierCode: 'H29-1' }, opId: 'x' };
    expect(opForTablet(survey)).toEqual({ type: 'survey.submitted', data: { rating: 'satisfied', dossierCode: 'H29-1' }, opId: 'x' });
    expect(survey.data.comment).toBe('Chị Lan rất nhiệt tình'); // the stored op is not touched
    const dossier = { type: 'dossier.received', data: { comment: 'not a survey' } };
    expect(opForTablet(dossier)).toBe(dossier);
  });
});
