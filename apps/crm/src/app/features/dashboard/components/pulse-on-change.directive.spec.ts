import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { PULSE_MS, PulseOnChangeDirective } from './pulse-on-change.directive';

@Component({
  imports: [PulseOnChangeDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div data-testid="card" [sbPulseOnChange]="value()"></div>`,
})
class HostComponent {
  readonly value = signal<number | null>(3);
}

describe('PulseOnChangeDirective', () => {
  let fixture: ComponentFixture<HostComponent>;
  const pulsing = () =>
    (fixture.nativeElement.querySelector('[data-testid="card"]') as HTMLElement).classList.contains('pulse');
  const set = (value: number | null) => {
    fixture.componentInstance.value.set(value);
    fixture.detectChanges();
  };
  const wait = (ms: number) => {
    jest.advanceTimersByTime(ms);
    fixture.detectChanges();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
  });

  afterEach(() => jest.useRealTimers());

  it('does not pulse when the value is first shown', () => {
    expect(pulsing()).toBe(false);
  });

  it('pulses when the value changes, for about a second', () => {
    set(4);
    expect(pulsing()).toBe(true);
    wait(PULSE_MS - 1);
    expect(pulsing()).toBe(true);
    wait(1);
    expect(pulsing()).toBe(false);
  });

  it('does not pulse when the same value arrives again', () => {
    set(3);
    expect(pulsing()).toBe(false);
    set(4);
    wait(PULSE_MS);
    set(4);
    expect(pulsing()).toBe(false);
  });

  it('a change during a pulse keeps it on for a full second from that change', () => {
    set(4);
    wait(600);
    set(5);
    wait(600);
    expect(pulsing()).toBe(true);
    wait(400);
    expect(pulsing()).toBe(false);
  });
});
