/**
 * A short two-tone chime made on the spot with Web Audio, so a chat given to the agent is heard
 * from another tab or window without shipping a sound file. Browsers let a page play sound once the
 * person has interacted with it; signing in is such an interaction, and if sound is still refused
 * the notice shows anyway.
 */
let audio: AudioContext | null = null;

export function chime(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    [880, 1320].forEach((frequency, i) => {
      const tone = audio!.createOscillator();
      const volume = audio!.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, start + i * 0.18);
      volume.gain.exponentialRampToValueAtTime(0.2, start + i * 0.18 + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.3);
      tone.connect(volume).connect(audio!.destination);
      tone.start(start + i * 0.18);
      tone.stop(start + i * 0.18 + 0.32);
    });
  } catch {
    // No audio device or no Web Audio: the notice, the badge and the title count still tell.
  }
}
