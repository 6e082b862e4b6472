import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ServerHealthService, type ServerHealthStatus } from '../health/server-health.service';
import { I18nService } from '../i18n/i18n.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { ConnectionState } from '../realtime/realtime.types';
import { ConnectionIndicatorComponent } from './connection-indicator.component';

describe('ConnectionIndicatorComponent', () => {
  const state = signal<ConnectionState>('connecting');
  const nextRetryAt = signal<Date | null>(null);
  const lastError = signal<string | null>(null);
  const browserOnline = signal(true);
  const healthStatus = signal<ServerHealthStatus>('ok');
  const problems = signal<string[]>([]);
  const health = {
    status: healthStatus,
    problems,
    impaired: computed(() => healthStatus() === 'degraded' || healthStatus() === 'error'),
  };

  async function render() {
    TestBed.configureTestingModule({
      imports: [ConnectionIndicatorComponent],
      providers: [
        { provide: RealtimeService, useValue: { connectionState: state, nextRetryAt, lastError, browserOnline } },
        { provide: ServerHealthService, useValue: health },
      ],
    });
    const fixture = TestBed.createComponent(ConnectionIndicatorComponent);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => {
    localStorage.clear();
    state.set('connecting');
    nextRetryAt.set(null);
    lastError.set(null);
    healthStatus.set('ok');
    problems.set([]);
  });

  it('exposes the connection state for tests and styling', async () => {
    const { fixture, host } = await render();
    expect(host.getAttribute('data-testid')).toBe('connection-indicator');
    expect(host.getAttribute('data-state')).toBe('connecting');

    for (const next of ['connected', 'reconnecting', 'offline'] as const) {
      state.set(next);
      await fixture.whenStable();
      expect(host.getAttribute('data-state')).toBe(next);
    }
  });

  it('says the state and the next retry time in the tooltip', async () => {
    const { fixture, host } = await render();
    state.set('reconnecting');
    const at = new Date(2030, 0, 1, 10, 42, 7);
    nextRetryAt.set(at);
    lastError.set('websocket error');
    await fixture.whenStable();
    const time = TestBed.inject(I18nService).formatTime(at);
    expect(host.title).toBe(`Reconnecting… · next attempt at ${time} · last error: websocket error`);
  });

  it('follows the language switch', async () => {
    const { fixture, host } = await render();
    state.set('offline');
    TestBed.inject(I18nService).setLanguage('es');
    await fixture.whenStable();
    expect(host.title).toBe('Sin conexión');
    expect(host.textContent).toContain('Sin conexión');
  });

  it('says degraded while connected when the server reports a problem, naming it', async () => {
    const { fixture, host } = await render();
    state.set('connected');
    healthStatus.set('degraded');
    problems.set(['realtime']);
    await fixture.whenStable();
    expect(host.getAttribute('data-state')).toBe('degraded');
    expect(host.title).toBe(
      'Degraded · the server reports a problem with delivery between servers; messages may arrive late until it recovers',
    );

    TestBed.inject(I18nService).setLanguage('es');
    healthStatus.set('error');
    problems.set(['database', 'realtime']);
    await fixture.whenStable();
    expect(host.textContent).toContain('Degradado');
    expect(host.title).toContain('la base de datos, la entrega entre servidores');

    healthStatus.set('ok');
    await fixture.whenStable();
    expect(host.getAttribute('data-state')).toBe('connected');
  });

  it('shows the connection state, not degraded, while the socket is down', async () => {
    const { fixture, host } = await render();
    state.set('reconnecting');
    healthStatus.set('error');
    await fixture.whenStable();
    expect(host.getAttribute('data-state')).toBe('reconnecting');
  });
});
