import { describe, expect, it } from 'vitest';
import { IPC_CONTRACT } from './contract';
import { incidentIdSchema, isIncidentId } from './incident-id';
import { incidentWorkSchema } from './incidents';

describe('incident ids and work on the wire', () => {
  it('accepts only inc-<UTC time>-<8 lowercase hex>, so no id can name another path', () => {
    expect(isIncidentId('inc-20261121T231500Z-a1b2c3d4')).toBe(true);
    for (const id of [
      '../inc-20261121T231500Z-a1b2c3d4',
      'inc-20261121T231500Z-a1b2c3d4/..',
      'inc-20261121T231500Z-a1b2c3d4.bundle',
      'inc-20261121T231500Z-A1B2C3D4',
      'inc-20261121T231500-a1b2c3d4',
      'inc-20261121T231500Z-a1b2c3d4\n',
      'inc-20261121T231500Z-a1b2c3d',
      '',
      42,
      null,
    ]) {
      expect(isIncidentId(id), JSON.stringify(id)).toBe(false);
      expect(incidentIdSchema.safeParse(id).success, JSON.stringify(id)).toBe(false);
    }
  });

  it('bounds the technician’s work: notes, ticked steps, step and status', () => {
    const work = { step: 'notes', done: [0, 3], notes: 'x'.repeat(20_000), status: 'closed' };
    expect(incidentWorkSchema.safeParse(work).success).toBe(true);
    expect(incidentWorkSchema.safeParse({ ...work, notes: 'x'.repeat(20_001) }).success).toBe(false);
    expect(incidentWorkSchema.safeParse({ ...work, done: Array.from({ length: 101 }, () => 0) }).success).toBe(false);
    expect(incidentWorkSchema.safeParse({ ...work, done: [-1] }).success).toBe(false);
    expect(incidentWorkSchema.safeParse({ ...work, step: 'collecting' }).success).toBe(false);
    expect(incidentWorkSchema.safeParse({ ...work, status: 'open' }).success).toBe(false);
  });

  it('lets a run answer with no incident (null, and a saveError), never with an id that is not one', () => {
    const output = IPC_CONTRACT['diagnosis:run'].output;
    expect(output.shape.incidentId.safeParse(null).success).toBe(true);
    expect(output.shape.incidentId.safeParse('../x').success).toBe(false);
    expect(output.shape.saveError.safeParse(undefined).success).toBe(true);
  });
});
