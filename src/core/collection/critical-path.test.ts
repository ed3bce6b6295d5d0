import { describe, expect, it } from 'vitest';
import type { EvidenceSource } from '../evidence/bundle';
import { COLLECTION_PLAN } from './collect-evidence';
import type { PlanStep } from './collect-evidence';
import { longestChain, stepDepth } from './critical-path';

describe('stepDepth', () => {
  it('is the longest call when every call has a lane', () => {
    expect(stepDepth([1, 3, 2], Infinity)).toBe(3);
    expect(stepDepth([], 4)).toBe(0);
  });

  it('queues calls on the lane that frees up first, in order', () => {
    // 7 one-day slices of 8 pages on 4 lanes: two waves, 16 pages deep (not 56 / 4 = 14).
    expect(stepDepth([5, 8, 8, 8, 8, 8, 8], 4)).toBe(16);
    expect(stepDepth([2, 2, 2, 2], 1)).toBe(8);
    expect(stepDepth([4, 1, 1, 1], 2)).toBe(4);
  });
});

describe('longestChain', () => {
  it('follows the plan’s edges and adds each step’s depth', () => {
    const path = longestChain(COLLECTION_PLAN, {
      'okta.user': 1,
      'okta.o365Apps': 1,
      'okta.logEvents': 1,
      'okta.appUsers': 1,
      'okta.signingKeys': 1,
      'okta.policies': 2,
      'okta.policyRules': 1,
      'graph.user': 3,
      'graph.signIns': 3,
      'graph.domain': 3,
      'graph.federationConfiguration': 3,
    });
    expect(path).toEqual({ requests: 4, steps: ['okta.o365Apps', 'okta.policies', 'okta.policyRules'] });
  });

  it('lets a long System Log outgrow the rest, and counts missing steps as 0', () => {
    const path = longestChain(COLLECTION_PLAN, { 'okta.user': 1, 'okta.logEvents': 16, 'graph.signIns': 3 });
    expect(path).toEqual({ requests: 17, steps: ['okta.user', 'okta.logEvents'] });
  });

  it('refuses a plan with a cycle', () => {
    const cyclic: Record<EvidenceSource, PlanStep> = {
      ...COLLECTION_PLAN,
      'okta.user': { after: ['okta.logEvents'], callsAtOnce: 'all' },
    };
    expect(() => longestChain(cyclic, {})).toThrow(/cycle/);
  });
});
