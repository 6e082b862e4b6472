import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { StaffRole, User } from '@switchboard/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { apiError, flush } from '../../settings/data/testing/settings-fixtures';
import { NewMemberStore } from '../data/new-member.store';
import { TeamApi } from '../data/team.api';
import { TeamSocket } from '../data/team.socket';
import { TeamStore } from '../data/team.store';
import { member } from '../data/testing/team-fixtures';
import { TeamPage } from './team.page';

describe('TeamPage', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { members: jest.Mock; create: jest.Mock };
  let fixture: ComponentFixture<TeamPage>;

  const ana = member({ name: 'Ana Admin', email: 'ana@example.com', role: 'admin', online: true });
  const carla = member({ name: 'Carla <b>Agente</b>', email: 'carla@example.com', role: 'agent', online: false });

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => el().querySelector(`[data-testid="${id}"]`) as T | null;
  const row = (email: string) => el().querySelector<HTMLElement>(`[data-testid="team-row"][data-email="${email}"]`);
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement | HTMLSelectElement>(id);
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const settle = async () => {
    await flush();
    await fixture.whenStable();
  };

  async function open(role: StaffRole, items = [ana, carla]) {
    realtime = fakeRealtime();
    api = { members: jest.fn(async () => ({ items })), create: jest.fn() };
    TestBed.configureTestingModule({
      imports: [TeamPage],
      providers: [
        ...realtime.providers,
        TeamSocket,
        TeamStore,
        NewMemberStore,
        { provide: TeamApi, useValue: api },
        { provide: AuthStore, useValue: { role: signal(role) } },
      ],
    });
    fixture = TestBed.createComponent(TeamPage);
    TestBed.tick();
    realtime.manager().connectAll();
    await settle();
  }

  afterEach(() => TestBed.resetTestingModule());

  it('lists name, email, role and presence, names as text, and follows presence_changed', async () => {
    await open('supervisor');
    expect(el().querySelectorAll('[data-testid="team-row"]')).toHaveLength(2);
    expect(row('ana@example.com')?.textContent).toContain('Admin');
    expect(row('ana@example.com')?.dataset['online']).toBe('true');
    expect(row('carla@example.com')?.querySelector('[data-testid="team-presence"]')?.textContent?.trim()).toBe('Offline');
    expect(row('carla@example.com')?.textContent).toContain('Carla <b>Agente</b>');
    expect(row('carla@example.com')?.querySelector('b')).toBeNull();
    expect(byTestId('live-status')?.dataset['live']).toBe('true');

    realtime.chat().serverEmit('presence_changed', { userId: carla.id, status: 'online' });
    await settle();
    expect(row('carla@example.com')?.dataset['online']).toBe('true');
    expect(row('carla@example.com')?.querySelector('[data-testid="team-presence"]')?.textContent?.trim()).toBe('Online');
  });

  it('a supervisor sees the list without the form', async () => {
    await open('supervisor');
    expect(byTestId('team-list')).not.toBeNull();
    expect(byTestId('new-member-form')).toBeNull();
  });

  it('the form says what is wrong beside each field and sends nothing until fixed', async () => {
    await open('admin');
    type('member-email', 'alba@');
    type('member-password', 'short');
    byTestId('member-submit')?.click();
    await settle();
    expect(api.create).not.toHaveBeenCalled();
    expect(byTestId('member-name-error')?.textContent).toContain('Enter a name');
    expect(byTestId('member-email-error')?.textContent).toContain('Not an email address');
    expect(byTestId('member-password-error')?.textContent).toContain('at least 8 characters');
    expect(byTestId<HTMLInputElement>('member-email')?.getAttribute('aria-invalid')).toBe('true');

    type('member-name', 'Alba');
    await settle();
    expect(byTestId('member-name-error')).toBeNull();
  });

  it("the server's field errors and a taken email are shown on the right fields", async () => {
    await open('admin');
    type('member-name', 'Alba');
    type('member-email', 'ana@example.com');
    type('member-password', 'alba-password-1');
    api.create.mockRejectedValueOnce(apiError(409, 'conflict', 'A user with this email already exists', [{ path: 'email', message: 'already in use' }]));
    byTestId('member-submit')?.click();
    await settle();
    expect(byTestId('member-email-error')?.textContent).toContain('already uses this email');
    expect(byTestId('member-name-error')).toBeNull();
    expect(byTestId('member-save-error')).toBeNull();

    type('member-email', 'alba@example.com');
    api.create.mockRejectedValueOnce(apiError(400, 'validation_failed', 'Invalid request', [{ path: 'name', message: 'Too big: expected string to have <=120 characters' }]));
    byTestId('member-submit')?.click();
    await settle();
    expect(byTestId('member-email-error')).toBeNull();
    expect(byTestId('member-name-error')?.textContent).toContain('Too big');
  });

  it('while adding the button is busy; then the new member is in the list, offline, and the form is empty', async () => {
    await open('admin');
    const created: User = { id: member().id, name: 'Bruno Agente', email: 'bruno@example.com', role: 'marketer' };
    let resolve: (user: User) => void = () => undefined;
    api.create.mockReturnValueOnce(new Promise<User>((r) => (resolve = r)));
    type('member-name', 'Bruno Agente');
    type('member-email', 'bruno@example.com');
    type('member-role', 'marketer');
    type('member-password', 'bruno-password-1');
    byTestId('member-submit')?.click();
    await settle();
    const submit = byTestId<HTMLButtonElement>('member-submit');
    expect(submit?.disabled).toBe(true);
    expect(submit?.textContent?.trim()).toBe('Adding…');
    expect(api.create).toHaveBeenCalledWith({ name: 'Bruno Agente', email: 'bruno@example.com', role: 'marketer', password: 'bruno-password-1' });

    resolve(created);
    await settle();
    const names = Array.from(el().querySelectorAll('[data-testid="team-row"] .name')).map((td) => td.textContent?.trim());
    expect(names).toEqual(['Ana Admin', 'Bruno Agente', 'Carla <b>Agente</b>']);
    expect(row('bruno@example.com')?.dataset['online']).toBe('false');
    expect(row('bruno@example.com')?.textContent).toContain('Marketer');
    expect(byTestId('member-added')?.textContent).toContain('Bruno Agente is on the team');
    expect(byTestId<HTMLInputElement>('member-name')?.value).toBe('');
    expect(byTestId<HTMLInputElement>('member-password')?.value).toBe('');
    expect(byTestId<HTMLSelectElement>('member-role')?.value).toBe('agent');
    expect(byTestId('member-name-error')).toBeNull();
    expect(byTestId<HTMLButtonElement>('member-submit')?.disabled).toBe(false);
  });

  it('loading, error with retry, and offline states', async () => {
    realtime = fakeRealtime();
    api = { members: jest.fn().mockRejectedValueOnce(apiError(503, 'unavailable', 'The database is not answering')), create: jest.fn() };
    TestBed.configureTestingModule({
      imports: [TeamPage],
      providers: [...realtime.providers, TeamSocket, TeamStore, NewMemberStore, { provide: TeamApi, useValue: api }, { provide: AuthStore, useValue: { role: signal('admin') } }],
    });
    fixture = TestBed.createComponent(TeamPage);
    TestBed.tick();
    await fixture.whenStable();
    expect(byTestId('view-loading')).not.toBeNull();
    await settle();
    expect(byTestId('view-error')?.textContent).toContain('The database is not answering');

    api.members.mockResolvedValue({ items: [ana] });
    byTestId('view-error')?.querySelector('button')?.click();
    await settle();
    expect(byTestId('view-error')).toBeNull();
    expect(el().querySelectorAll('[data-testid="team-row"]')).toHaveLength(1);

    window.dispatchEvent(new Event('offline'));
    await settle();
    expect(byTestId('team-offline')).not.toBeNull();
    window.dispatchEvent(new Event('online'));
  });
});
