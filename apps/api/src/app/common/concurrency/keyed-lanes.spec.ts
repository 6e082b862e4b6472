import { KeyedLanes } from './keyed-lanes';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedLanes', () => {
  it('runs a conversation’s work in the order it was queued, even when the first is slower', async () => {
    const lanes = new KeyedLanes();
    const done: string[] = [];
    const first = lanes.run('c1', async () => {
      await later(30);
      done.push('greeting');
    });
    const second = lanes.run('c1', async () => {
      done.push('closed');
    });
    await Promise.all([first, second]);
    expect(done).toEqual(['greeting', 'closed']);
  });

  it('lets other conversations go ahead; a failure reaches its caller and does not stop the lane', async () => {
    const lanes = new KeyedLanes();
    const done: string[] = [];
    const failing = lanes.run('c1', async () => {
      await later(30);
      throw new Error('provider down');
    });
    const after = lanes.run('c1', async () => {
      done.push('c1 second');
    });
    const other = lanes.run('c2', async () => {
      done.push('c2');
    });
    await expect(failing).rejects.toThrow('provider down');
    await Promise.all([after, other]);
    expect(done).toEqual(['c2', 'c1 second']);
  });
});
