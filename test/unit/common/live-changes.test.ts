import { describe, expect, it } from 'vitest';
import { LiveChangesRelay, type LiveScope } from '../../../server/common/live-changes.js';

describe(LiveChangesRelay.name, () => {
  it('hands changes to the listener it was connected to, and drops those before', () => {
    const heard: LiveScope[] = [];
    const sut = new LiveChangesRelay();
    sut.changed({ campaignId: 1 });
    sut.connect({ changed: (scope) => heard.push(scope) });
    sut.changed({ campaignId: 2 });
    expect(heard).toEqual([{ campaignId: 2 }]);
  });
});
