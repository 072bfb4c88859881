import { describe, expect, it } from 'vitest';
import { EVERY_PART, fieldsFor } from '../directoryFields';

describe('which lists a directory change reads again', () => {
  it('reads the trays and transfer targets again when a tray or its access changes, and the pause dialogs for a pause reason', () => {
    expect(fieldsFor(['TRAY_ACCESS'])).toEqual(expect.arrayContaining(['trays', 'transferTargets']));
    expect(fieldsFor(['PAUSE_REASON'])).toEqual(['pauseReasons']);
    expect(fieldsFor(['CANNED_RESPONSE'])).toEqual(['cannedResponses']);
  });

  it('names each field once however many parts changed', () => {
    const all = fieldsFor(EVERY_PART);
    expect(all).toEqual([...new Set(all)]);
    expect(all).toEqual(expect.arrayContaining(['users', 'teams', 'campaigns', 'tags', 'skills', 'securityGroups']));
  });
});
