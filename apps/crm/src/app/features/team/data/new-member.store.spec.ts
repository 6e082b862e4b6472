import { TestBed } from '@angular/core/testing';
import type { User } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { apiError, flush, networkError } from '../../settings/data/testing/settings-fixtures';
import { EMPTY_MEMBER } from './member-draft';
import { NewMemberStore } from './new-member.store';
import { TeamApi } from './team.api';
import { TeamSocket } from './team.socket';
import { TeamStore } from './team.store';
import { member } from './testing/team-fixtures';

describe('NewMemberStore', () => {
  let api: { members: jest.Mock; create: jest.Mock };
  let store: NewMemberStore;
  let team: TeamStore;

  const alba = { name: 'Alba Agente', email: 'alba@example.com', role: 'agent' as const, password: 'alba-password-1' };

  beforeEach(async () => {
    api = {
      members: jest.fn(async () => ({ items: [member({ name: 'Ana', role: 'admin', online: true })] })),
      create: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        ...fakeRealtime().providers,
        TeamSocket,
        TeamStore,
        NewMemberStore,
        { provide: TeamApi, useValue: api },
      ],
    });
    team = TestBed.inject(TeamStore);
    store = TestBed.inject(NewMemberStore);
    await flush();
  });
  afterEach(() => TestBed.resetTestingModule());

  it('says nothing until the first submit, then what is wrong with each field, and sends nothing', async () => {
    store.update({ email: 'alba', password: 'short' });
    expect(store.fieldError('email')).toBeNull();

    expect(await store.save()).toBeNull();
    expect(api.create).not.toHaveBeenCalled();
    expect(store.fieldError('name')).toEqual({ key: 'team.error.nameRequired' });
    expect(store.fieldError('email')).toEqual({ key: 'team.error.email' });
    expect(store.fieldError('password')).toEqual({ key: 'password.error.tooShort', params: { min: 8 } });
    expect(store.fieldError('role')).toBeNull();

    store.update({ name: 'Alba', email: 'alba@example.com' });
    expect(store.fieldError('name')).toBeNull();
    expect(store.fieldError('email')).toBeNull();
  });

  it('creates the member: trimmed, added to the list at once, the form emptied and a confirmation', async () => {
    const created: User = { id: member().id, name: alba.name, email: alba.email, role: 'supervisor', active: true };
    api.create.mockResolvedValue(created);
    store.update({ ...alba, name: ' Alba Agente ', email: ' alba@example.com ', role: 'supervisor' });

    expect(await store.save()).toEqual(created);
    expect(api.create).toHaveBeenCalledWith({ ...alba, role: 'supervisor' });
    expect(team.members()?.map((m) => [m.name, m.online])).toEqual([
      ['Alba Agente', false],
      ['Ana', true],
    ]);
    expect(store.draft()).toEqual(EMPTY_MEMBER);
    expect(store.fieldError('name')).toBeNull();
    expect(store.added()).toEqual(created);

    store.update({ name: 'B' });
    expect(store.added()).toBeNull();
  });

  it('a taken email (409) is shown on the email field, and goes when the email is edited', async () => {
    api.create.mockRejectedValueOnce(
      apiError(409, 'conflict', 'A user with this email already exists', [
        { path: 'email', message: 'already in use' },
      ]),
    );
    store.update(alba);
    await store.save();
    expect(store.fieldError('email')).toEqual({ key: 'team.error.emailTaken' });
    expect(store.saveError()).toBeNull();
    expect(store.draft()).toEqual(alba);

    store.update({ email: 'alba2@example.com' });
    expect(store.fieldError('email')).toBeNull();
  });

  it("the server's field errors go beside their fields", async () => {
    api.create.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid request', [
        { path: 'password', message: 'Too small: expected string to have >=8 characters' },
        { path: 'role', message: 'Invalid option' },
      ]),
    );
    store.update(alba);
    await store.save();
    expect(store.fieldError('password')).toEqual({ text: 'Too small: expected string to have >=8 characters' });
    expect(store.fieldError('role')).toEqual({ text: 'Invalid option' });
    expect(store.fieldError('name')).toBeNull();
    expect(store.saveError()).toBeNull();
  });

  it('a failure about no field is shown for the form; one save at a time', async () => {
    let reject: (error: unknown) => void = () => undefined;
    api.create.mockReturnValueOnce(new Promise((_, r) => (reject = r)));
    store.update(alba);
    const first = store.save();
    expect(store.saving()).toBe(true);
    expect(await store.save()).toBeNull();
    expect(api.create).toHaveBeenCalledTimes(1);

    reject(networkError());
    await first;
    expect(store.saving()).toBe(false);
    expect(store.saveError()).toBeTruthy();
    expect(store.draft()).toEqual(alba);
  });
});
