import { DestroyRef, Directive, effect, inject, input, signal, untracked } from '@angular/core';

/** How long the pulse class stays on after a change. */
export const PULSE_MS = 1_000;

const UNSET = Symbol('unset');

/**
 * Adds the `pulse` class to its host for PULSE_MS whenever the bound value changes (not when it
 * is first shown, not when it is set again to the same value). The animation itself is the
 * host's CSS, which should honour prefers-reduced-motion.
 */
@Directive({
  selector: '[sbPulseOnChange]',
  host: { '[class.pulse]': 'pulsing()' },
})
export class PulseOnChangeDirective {
  readonly sbPulseOnChange = input<unknown>();

  private readonly _pulsing = signal(false);
  readonly pulsing = this._pulsing.asReadonly();
  private previous: unknown = UNSET;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    effect(() => {
      const value = this.sbPulseOnChange();
      untracked(() => this.seen(value));
    });
    inject(DestroyRef).onDestroy(() => this.clearTimer());
  }

  private seen(value: unknown): void {
    const changed = this.previous !== UNSET && !Object.is(this.previous, value);
    this.previous = value;
    if (!changed) return;
    this.clearTimer();
    this._pulsing.set(true);
    this.timer = setTimeout(() => {
      this.timer = null;
      this._pulsing.set(false);
    }, PULSE_MS);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
