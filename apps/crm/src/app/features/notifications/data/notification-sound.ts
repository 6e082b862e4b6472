import { DOCUMENT, Injectable, inject } from '@angular/core';

type AudioContextConstructor = new () => AudioContext;

/** A short two-tone beep made with WebAudio (no audio files). Silently does nothing where audio is unavailable or not yet allowed. */
@Injectable({ providedIn: 'root' })
export class NotificationSound {
  private readonly window = inject(DOCUMENT).defaultView as
    (Window & typeof globalThis & { webkitAudioContext?: AudioContextConstructor }) | null;
  private context: AudioContext | null = null;

  beep(): void {
    try {
      const Context = this.window?.AudioContext ?? this.window?.webkitAudioContext;
      if (!Context) return;
      const ctx = (this.context ??= new Context());
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      const start = ctx.currentTime;
      for (const [offset, frequency] of [
        [0, 880],
        [0.12, 1320],
      ] as const) {
        const oscillator = ctx.createOscillator();
        const gain = ctx.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.1);
        oscillator.connect(gain).connect(ctx.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.11);
      }
    } catch {
      // No audio here (or the browser refused): the toast is enough.
    }
  }
}
