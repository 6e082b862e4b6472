import { HttpErrorResponse } from '@angular/common/http';
import { signal, type WritableSignal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { StaffRole, User, UserWithPresence } from '@switchboard/contracts/types';
import { provideRouter } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth.store';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { apiError, flush } from '../../settings/data/testing/settings-fixtures';
import { MemberEditStore } from '../data/member-edit.store';
import { NewMemberStore } from '../data/new-member.store';
import { TeamApi } from '../data/team.api';
import { TeamSocket } from '../data/team.socket';
import { TeamStore } from '../data/team.store';
import { member } from '../data/testing/team-fixtures';
import { TeamPage } from './team.page';

describe('TeamPage', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { members: jest.Mock; create: jest.Mock; update: jest.Mock; setPassword: jest.Mock };
  let auth: { role: WritableSignal<StaffRole>; user: WritableSignal<User>; updateUser: jest.Mock };
  let fixture: ComponentFixture<TeamPage>;

  const ana = member({ name: 'Ana Admin', email: 'ana@example.com', role: 'admin', online: true });
  const carla = member({ name: 'Carla <b>Agente</b>', email: 'carla@example.com', role: 'agent', online: false });

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    el().querySelector(`[data-testid="${id}"]`) as T | null;
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

  function configure(role: StaffRole, members: jest.Mock) {
    realtime = fakeRealtime();
    api = { members, create: jest.fn(), update: jest.fn(), setPassword: jest.fn() };
    // Signed in as Ana, the admin in the list (or a supervisor who is not in it).
    const me: User =
      role === 'admin'
        ? { id: ana.id, name: ana.name, email: ana.email, role, active: true }
        : { ...member({ role }), active: true };
    auth = { role: signal(role), user: signal(me), updateUser: jest.fn() };
    TestBed.configureTestingModule({
      imports: [TeamPage],
      providers: [
        provideRouter([]),
        ...realtime.providers,
        TeamSocket,
        TeamStore,
        NewMemberStore,
        MemberEditStore,
        { provide: TeamApi, useValue: api },
        { provide: AuthStore, useValue: auth },
      ],
    });
  }

  async function open(role: StaffRole, items = [ana, carla]) {
    configure(
      role,
      jest.fn(async () => ({ items })),
    );
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
    expect(row('carla@example.com')?.querySelector('[data-testid="team-presence"]')?.textContent?.trim()).toBe(
      'Offline',
    );
    expect(row('carla@example.com')?.textContent).toContain('Carla <b>Agente</b>');
    expect(row('carla@example.com')?.querySelector('b')).toBeNull();
    expect(byTestId('live-status')?.dataset['live']).toBe('true');

    realtime.chat().serverEmit('presence_changed', { userId: carla.id, status: 'online' });
    await settle();
    expect(row('carla@example.com')?.dataset['online']).toBe('true');
    expect(row('carla@example.com')?.querySelector('[data-testid="team-presence"]')?.textContent?.trim()).toBe(
      'Online',
    );
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

  it('the password shows its hint until submitting finds it empty, then the error instead of the hint, never both', async () => {
    await open('admin');
    const note = () => document.getElementById('member-password-note');
    expect(byTestId<HTMLInputElement>('member-password')?.getAttribute('aria-describedby')).toBe(
      'member-password-note',
    );
    expect(note()?.textContent).toContain('At least 8 characters, at most 72 bytes');
    expect(byTestId('member-password-error')).toBeNull();

    byTestId('member-submit')?.click();
    await settle();
    expect(byTestId('member-password-error')).toBe(note());
    expect(byTestId('new-member-form')?.textContent).not.toContain('At least 8 characters, at most 72 bytes');

    type('member-password', 'long-enough-password');
    await settle();
    expect(byTestId('member-password-error')).toBeNull();
    expect(note()?.textContent).toContain('At least 8 characters');
  });

  it("the server's field errors and a taken email are shown on the right fields", async () => {
    await open('admin');
    type('member-name', 'Alba');
    type('member-email', 'ana@example.com');
    type('member-password', 'alba-password-1');
    api.create.mockRejectedValueOnce(
      apiError(409, 'conflict', 'A user with this email already exists', [
        { path: 'email', message: 'already in use' },
      ]),
    );
    byTestId('member-submit')?.click();
    await settle();
    expect(byTestId('member-email-error')?.textContent).toContain('already uses this email');
    expect(byTestId('member-name-error')).toBeNull();
    expect(byTestId('member-save-error')).toBeNull();

    type('member-email', 'alba@example.com');
    api.create.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid request', [
        { path: 'name', message: 'Too big: expected string to have <=120 characters' },
      ]),
    );
    byTestId('member-submit')?.click();
    await settle();
    expect(byTestId('member-email-error')).toBeNull();
    expect(byTestId('member-name-error')?.textContent).toContain('Too big');
  });

  it('while adding the button is busy; then the new member is in the list, offline, and the form is empty', async () => {
    await open('admin');
    const created: User = {
      id: member().id,
      name: 'Bruno Agente',
      email: 'bruno@example.com',
      role: 'marketer',
      active: true,
    };
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
    expect(api.create).toHaveBeenCalledWith({
      name: 'Bruno Agente',
      email: 'bruno@example.com',
      role: 'marketer',
      password: 'bruno-password-1',
    });

    resolve(created);
    await settle();
    const names = Array.from(el().querySelectorAll('[data-testid="team-row"] .label')).map((td) =>
      td.textContent?.trim(),
    );
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
    configure('admin', jest.fn().mockRejectedValueOnce(apiError(503, 'unavailable', 'The database is not answering')));
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

  describe('changing members', () => {
    const rowNames = () =>
      Array.from(el().querySelectorAll('[data-testid="team-row"] .label')).map((td) => td.textContent?.trim());
    const editorOf = async (email: string) => {
      row(email)?.querySelector<HTMLButtonElement>('[data-testid="member-edit"]')?.click();
      await settle();
      const editor = byTestId('member-editor');
      if (!editor) throw new Error(`no editor for ${email}`);
      return editor;
    };
    const click = async (id: string) => {
      await settle();
      const button = byTestId<HTMLButtonElement>(id);
      if (!button) throw new Error(`no ${id}`);
      button.click();
      await settle();
    };
    const answer = () => {
      let resolve: (user: UserWithPresence) => void = () => undefined;
      api.update.mockReturnValueOnce(new Promise<UserWithPresence>((r) => (resolve = r)));
      return (user: UserWithPresence) => resolve(user);
    };

    it('a supervisor sees inactive members marked and dimmed, and cannot edit anyone', async () => {
      await open('supervisor', [ana, { ...carla, active: false }]);
      expect(row('carla@example.com')?.dataset['active']).toBe('false');
      expect(row('carla@example.com')?.classList).toContain('inactive');
      expect(row('carla@example.com')?.querySelector('[data-testid="member-inactive"]')?.textContent?.trim()).toBe(
        'Inactive',
      );
      expect(row('ana@example.com')?.querySelector('[data-testid="member-inactive"]')).toBeNull();
      expect(el().querySelector('[data-testid="member-edit"]')).toBeNull();
    });

    it('an admin renames and changes the role: only the changes are sent, and the list shows the answer at once', async () => {
      await open('admin');
      await editorOf('carla@example.com');
      expect(byTestId<HTMLButtonElement>('member-edit-save')?.disabled).toBe(true);
      expect(byTestId<HTMLInputElement>('member-edit-name')?.value).toBe('Carla <b>Agente</b>');

      type('member-edit-name', '  Alba Agente ');
      type('member-edit-role', 'supervisor');
      await settle();
      expect(byTestId('member-edit-role-hint')?.textContent).toContain('signs Carla <b>Agente</b> out everywhere');
      const resolve = answer();
      await click('member-edit-save');
      expect(api.update).toHaveBeenCalledWith(carla.id, { name: 'Alba Agente', role: 'supervisor' });
      expect(byTestId<HTMLButtonElement>('member-edit-save')?.disabled).toBe(true);
      expect(byTestId('member-edit-save')?.textContent?.trim()).toBe('Saving…');

      resolve({ ...carla, name: 'Alba Agente', role: 'supervisor' });
      await settle();
      expect(rowNames()).toEqual(['Alba Agente', 'Ana Admin']);
      expect(row('carla@example.com')?.querySelector('.role')?.textContent?.trim()).toBe('Supervisor');
      expect(byTestId('member-edit-done')?.textContent).toContain(
        'Changes to Alba Agente saved; they were signed out everywhere.',
      );
      expect(byTestId<HTMLButtonElement>('member-edit-save')?.disabled).toBe(true);

      // Only the name this time, and the server's word on it beside the field.
      type('member-edit-name', 'Alba\u0007');
      api.update.mockRejectedValueOnce(
        apiError(400, 'validation_failed', 'Invalid request', [
          { path: 'name', message: 'must not contain control characters' },
        ]),
      );
      await click('member-edit-save');
      expect(api.update).toHaveBeenLastCalledWith(carla.id, { name: 'Alba\u0007' });
      expect(byTestId('member-edit-name-error')?.textContent).toContain('must not contain control characters');
      expect(byTestId('member-edit-save-error')).toBeNull();
    });

    it('deactivating asks first and then marks the member inactive; reactivating needs no question', async () => {
      await open('admin');
      await editorOf('carla@example.com');
      await click('member-deactivate');
      expect(api.update).not.toHaveBeenCalled();
      expect(byTestId('member-deactivate-question')?.textContent).toContain('Deactivate Carla <b>Agente</b>?');

      await click('member-confirm-cancel');
      expect(byTestId('member-deactivate-question')).toBeNull();
      expect(api.update).not.toHaveBeenCalled();

      await click('member-deactivate');
      const resolve = answer();
      await click('member-deactivate-confirm');
      expect(api.update).toHaveBeenCalledWith(carla.id, { active: false });
      expect(byTestId('member-deactivate-confirm')?.textContent?.trim()).toBe('Deactivating…');
      resolve({ ...carla, active: false });
      await settle();
      expect(row('carla@example.com')?.dataset['active']).toBe('false');
      expect(row('carla@example.com')?.querySelector('[data-testid="member-inactive"]')).not.toBeNull();
      expect(byTestId('member-edit-done')?.textContent).toContain('is deactivated and was signed out everywhere');

      api.update.mockResolvedValueOnce({ ...carla, active: true });
      await click('member-reactivate');
      expect(api.update).toHaveBeenLastCalledWith(carla.id, { active: true });
      expect(row('carla@example.com')?.dataset['active']).toBe('true');
      expect(row('carla@example.com')?.querySelector('[data-testid="member-inactive"]')).toBeNull();
    });

    it('on their own row an admin is warned before locking themselves out, and the last-admin refusal is shown beside it', async () => {
      await open('admin');
      expect(row('ana@example.com')?.querySelector('.name')?.textContent).toContain('(you)');
      await editorOf('ana@example.com');
      // Their own password is changed on the account page, with the current one.
      expect(byTestId('member-new-password')).toBeNull();
      expect(byTestId('member-password-self')?.querySelector('a')?.getAttribute('href')).toBe('/account');

      type('member-edit-role', 'agent');
      await settle();
      expect(byTestId('member-edit-self-warning')?.textContent).toContain('giving up your own admin role');
      await click('member-edit-save');
      expect(api.update).not.toHaveBeenCalled();
      api.update.mockRejectedValueOnce(apiError(409, 'conflict', 'The last active admin cannot be demoted'));
      await click('member-demote-confirm');
      expect(api.update).toHaveBeenCalledWith(ana.id, { role: 'agent' });
      expect(byTestId('member-edit-save-error')?.textContent).toContain('The last active admin cannot be demoted');
      expect(row('ana@example.com')?.querySelector('.role')?.textContent?.trim()).toBe('Admin');

      type('member-edit-role', 'admin');
      await click('member-deactivate');
      expect(byTestId('member-deactivate-question')?.textContent).toContain('Deactivate your own account?');
      api.update.mockRejectedValueOnce(apiError(409, 'conflict', 'The last active admin cannot be deactivated'));
      await click('member-deactivate-confirm');
      expect(byTestId('member-access-error')?.textContent).toContain('The last active admin cannot be deactivated');
      expect(byTestId('member-edit-save-error')).toBeNull();
      expect(row('ana@example.com')?.dataset['active']).toBe('true');
    });

    it("a new password is checked before it is sent, the server's objection goes beside it, and success empties it", async () => {
      await open('admin');
      await editorOf('carla@example.com');
      type('member-new-password', 'short');
      await click('member-set-password');
      expect(api.setPassword).not.toHaveBeenCalled();
      expect(byTestId('member-new-password-error')?.textContent).toContain('at least 8 characters');
      type('member-new-password', 'ñ'.repeat(37));
      await settle();
      expect(byTestId('member-new-password-error')?.textContent).toContain('at most 72 bytes');

      type('member-new-password', 'carla-new-password');
      api.setPassword.mockRejectedValueOnce(
        apiError(400, 'validation_failed', 'Invalid request', [
          { path: 'password', message: 'must not contain control characters' },
        ]),
      );
      await click('member-set-password');
      expect(api.setPassword).toHaveBeenCalledWith(carla.id, 'carla-new-password');
      expect(byTestId('member-new-password-error')?.textContent).toContain('must not contain control characters');

      api.setPassword.mockResolvedValueOnce(undefined);
      await click('member-set-password');
      expect(byTestId('member-edit-done')?.textContent).toContain(
        'New password set for Carla <b>Agente</b>; they were signed out everywhere.',
      );
      expect(byTestId<HTMLInputElement>('member-new-password')?.value).toBe('');
      expect(byTestId('member-new-password-error')).toBeNull();
    });

    it('a rate limit says how long to wait, and opening another member closes the first editor', async () => {
      await open('admin');
      await editorOf('carla@example.com');
      await click('member-deactivate');
      api.update.mockRejectedValueOnce(
        new HttpErrorResponse({
          status: 429,
          error: { error: { code: 'rate_limited', message: 'Too many requests', retryAfterSeconds: 12 } },
        }),
      );
      await click('member-deactivate-confirm');
      expect(byTestId('member-access-error')?.textContent?.trim()).toBe('Too many attempts. Wait 12 s and try again.');

      await editorOf('ana@example.com');
      expect(el().querySelectorAll('[data-testid="member-editor"]')).toHaveLength(1);
      expect(el().querySelector('[data-testid="member-editor-row"]')?.getAttribute('data-email')).toBe(
        'ana@example.com',
      );
      expect(byTestId('member-access-error')).toBeNull();
    });
  });
});
