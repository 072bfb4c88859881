import { describe, expect, it } from 'vitest';
import { elapsedMs, MAX_RECORDING_MS, reachedLimit, recordingExtension, recordingName } from '../recording';

describe('the recording timer', () => {
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
    expect(recordingName(new Date(2026, 10, 21, 9, 5, 7), 'audio/webm;codecs=opus')).toBe('audio-20261121-090507.webm');
  });

  it('says what the recorder made, MP4 when it fell back to it', () => {
    expect(recordingExtension('audio/webm;codecs=opus')).toBe('webm');
    expect(recordingExtension('audio/mp4')).toBe('m4a');
    expect(recordingExtension('audio/ogg; codecs=opus')).toBe('ogg');
    expect(recordingExtension('')).toBe('webm');
  });
});
