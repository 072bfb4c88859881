import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration, isRecordingName, MAX_RECORDING_MS, reachedLimit, recordingName } from '../recording';

describe('the recording timer', () => {
  it('shows minutes and seconds, counting whole seconds', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(3_999)).toBe('00:03');
    expect(formatDuration(61_000)).toBe('01:01');
    expect(formatDuration(MAX_RECORDING_MS)).toBe('10:00');
  });

  it('never runs past ten minutes', () => {
    expect(elapsedMs(0, MAX_RECORDING_MS + 5_000)).toBe(MAX_RECORDING_MS);
    expect(elapsedMs(1_000, 500)).toBe(0);
  });

  it('stops a recording at ten minutes, not a moment before', () => {
    expect(reachedLimit(0, MAX_RECORDING_MS - 1)).toBe(false);
    expect(reachedLimit(0, MAX_RECORDING_MS)).toBe(true);
  });
});

describe('a recording file name', () => {
  it('carries the local time it was made', () => {
    expect(recordingName(new Date(2026, 10, 21, 9, 5, 7))).toBe('audio-20261121-090507.webm');
  });
});

describe('recognising a recording by its name', () => {
  it('knows the names it gives and no others', () => {
    expect(isRecordingName(recordingName(new Date()))).toBe(true);
    expect(isRecordingName('audio-notes.webm')).toBe(false);
  });
});
