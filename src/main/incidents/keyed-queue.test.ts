import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in call order, even when one fails', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick(ms);
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = queue.run('k', task('a', 20));
    const b = queue.run('k', task('b', 1, true));
    const c = queue.run('k', task('c', 1));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets different keys run side by side, and forgets a key once its queue is empty', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const slow = queue.run('one', async () => {
      await tick(30);
      log.push('one');
    });
    const quick = queue.run('two', async () => {
      await tick(1);
      log.push('two');
    });
    expect(queue.size).toBe(2);
    await Promise.all([slow, quick]);
    expect(log).toEqual(['two', 'one']);
    await tick(0);
    expect(queue.size).toBe(0);
  });
});
