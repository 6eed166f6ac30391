/*
 * Gentle cues at the timer's transitions, each guarded: not every phone has vibration,
 * WebAudio or a screen wake lock, and none of them may throw into the timer.
 */

let audio: AudioContext | null = null;

/**
 * Browsers only let audio start from a tap, so the context is created (or resumed) when the
 * client turns the sound on or presses Start, and reused for the beeps that follow.
 */
export function unlockAudio(): void {
  try {
    const Ctx =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    audio ??= new Ctx();
    if (audio.state === "suspended") void audio.resume();
  } catch {
    audio = null;
  }
}

/** A short soft tone; two rising tones at the end of the session. */
export function beep(kind: "step" | "end"): void {
  if (!audio) return;
  try {
    const tones = kind === "end" ? [660, 880] : [880];
    tones.forEach((freq, i) => {
      const t = audio!.currentTime + i * 0.22;
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      // Fade in and out: a hard edge clicks in small phone speakers.
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
      osc.connect(gain).connect(audio!.destination);
      osc.start(t);
      osc.stop(t + 0.2);
    });
  } catch {
    // No sound is better than a broken timer.
  }
}

export function vibrate(kind: "step" | "end"): void {
  try {
    if (typeof navigator !== "undefined" && typeof navigator.vibrate === "function") {
      navigator.vibrate(kind === "end" ? [200, 100, 200] : 150);
    }
  } catch {
    // Some browsers refuse without a recent tap; the cue is optional.
  }
}
