import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Health } from '@switchboard/contracts/types';
import { RealtimeService } from '../realtime/realtime.service';
import type { ConnectionState } from '../realtime/realtime.types';
import { SERVER_HEALTH_POLL_MS, ServerHealthService } from './server-health.service';

describe('ServerHealthService', () => {
  const connectionState = signal<ConnectionState>('connecting');

  function setup() {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RealtimeService, useValue: { connectionState } },
        { provide: SERVER_HEALTH_POLL_MS, useValue: 1_000 },
      ],
    });
    const service = TestBed.inject(ServerHealthService);
    const http = TestBed.inject(HttpTestingController);
    return { service, http };
  }

  beforeEach(() => {
    jest.useFakeTimers();
    connectionState.set('connecting');
  });
  afterEach(() => jest.useRealTimers());

  it('asks on start and follows what the server says, 503 included', () => {
    const { service, http } = setup();
    TestBed.tick();
    http.expectOne('/api/health').flush({ status: 'ok', checks: { database: { status: 'up' } } } satisfies Health);
    expect(service.status()).toBe('ok');
    expect(service.impaired()).toBe(false);

    jest.advanceTimersByTime(1_000);
    http.expectOne('/api/health').flush({
      status: 'degraded',
      checks: { database: { status: 'up' }, realtime: { status: 'degraded', message: 'no canary' } },
    } satisfies Health);
    expect(service.status()).toBe('degraded');
    expect(service.problems()).toEqual(['realtime']);

    jest.advanceTimersByTime(1_000);
    http
      .expectOne('/api/health')
      .flush({ status: 'error', checks: { database: { status: 'down' }, redis: { status: 'up' } } } satisfies Health, {
        status: 503,
        statusText: 'Service Unavailable',
      });
    expect(service.status()).toBe('error');
    expect(service.problems()).toEqual(['database']);
    expect(service.impaired()).toBe(true);
    http.verify();
  });

  it('asks again when the realtime connection changes state, and an unreachable server is unknown', () => {
    const { service, http } = setup();
    TestBed.tick();
    http
      .expectOne('/api/health')
      .flush({ status: 'degraded', checks: { realtime: { status: 'degraded' } } } satisfies Health);
    connectionState.set('connected');
    TestBed.tick();
    http.expectOne('/api/health').error(new ProgressEvent('error'));
    expect(service.status()).toBe('unknown');
    expect(service.impaired()).toBe(false);
    http.verify();
  });
});
