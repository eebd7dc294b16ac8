import { describe, expect, it } from 'vitest';
import { LatestValue } from '../../../server/totals/latest-value.js';

describe(LatestValue.name, () => {
  it('hands a slow consumer only the newest value, never a backlog', async () => {
    const sut = new LatestValue<number>(() => undefined);
    sut.push(1);
    sut.push(2);
    sut.push(3);
    expect(await sut.next()).toEqual({ value: 3, done: false });
  });

  it('lets a waiting consumer have the next value as soon as it is pushed', async () => {
    const sut = new LatestValue<string>(() => undefined);
    const waiting = sut.next();
    sut.push('snapshot');
    expect(await waiting).toEqual({ value: 'snapshot', done: false });
  });

  it('ends once when returned: a waiting consumer is released, later pushes are dropped, onClose runs once', async () => {
    let closed = 0;
    const sut = new LatestValue<number>(() => closed++);
    const waiting = sut.next();
    await sut.return();
    await sut.return();
    sut.push(4);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await sut.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  it('is its own async iterator, for for-await loops', async () => {
    const sut = new LatestValue<number>(() => undefined);
    sut.push(7);
    for await (const value of sut) {
      expect(value).toBe(7);
      break; // break calls return()
    }
    expect(await sut.next()).toEqual({ value: undefined, done: true });
  });
});
