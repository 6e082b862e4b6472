import { signal, type WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { User, UserWithPresence } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { apiError, flush, networkError } from '../../settings/data/testing/settings-fixtures';
import { MemberEditStore } from './member-edit.store';
import { TeamApi } from './team.api';
import { TeamSocket } from './team.socket';
import { TeamStore } from './team.store';
import { member } from './testing/team-fixtures';

describe('MemberEditStore', () => {
  const ana = member({ name: 'Ana', role: 'admin', online: true });
  const bruno = member({ name: 'Bruno', role: 'agent' });
  const carla = member({ name: 'Carla', role: 'marketer' });

  let api: { members: jest.Mock; create: jest.Mock; update: jest.Mock; setPassword: jest.Mock };
  let auth: { user: WritableSignal<User | null>; updateUser: jest.Mock };
  let store: MemberEditStore;
  let team: TeamStore;

  const names = () => team.members()?.map((m) => m.name);
  /** The next PATCH waits for the test to answer it. */
  const heldUpdate = () => {
    let resolve: (user: UserWithPresence) => void = () => undefined;
    api.update.mockReturnValueOnce(new Promise<UserWithPresence>((r) => (resolve = r)));
    return (user: UserWithPresence) => resolve(user);
  };

  beforeEach(async () => {
    api = {
      members: jest.fn(async () => ({ items: [ana, bruno, carla] })),
      create: jest.fn(),
      update: jest.fn(),
      setPassword: jest.fn(),
    };
    auth = {
      user: signal<User | null>({ id: ana.id, name: ana.name, email: ana.email, role: 'admin', active: true }),
      updateUser: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        ...fakeRealtime().providers,
        TeamSocket,
        TeamStore,
        MemberEditStore,
        { provide: TeamApi, useValue: api },
        { provide: AuthStore, useValue: auth },
      ],
    });
    team = TestBed.inject(TeamStore);
    store = TestBed.inject(MemberEditStore);
    await flush();
  });
  afterEach(() => TestBed.resetTestingModule());

  it('sends nothing when nothing changed or the name is blank, and only what changed otherwise', async () => {
    store.open(bruno);
    expect(store.dirty()).toBe(false);
    await store.save();
    store.update({ name: '   ' });
    await store.save();
    expect(api.update).not.toHaveBeenCalled();
    expect(store.fieldError('name')).toEqual({ key: 'team.error.nameRequired' });

    store.update({ name: ' Bruno ', role: 'supervisor' });
    api.update.mockResolvedValueOnce({ ...bruno, role: 'supervisor' });
    await store.save();
    expect(api.update).toHaveBeenCalledWith(bruno.id, { role: 'supervisor' });
    expect(team.members()?.find((m) => m.id === bruno.id)?.role).toBe('supervisor');
    expect(store.done()).toEqual({ action: 'save', name: 'Bruno', signedOut: true });
    expect(store.dirty()).toBe(false);
  });

  it("an admin's own rename reaches the signed-in user at once; someone else's goes to the list only", async () => {
    store.open(ana);
    store.update({ name: 'Ana María' });
    const renamed = { ...ana, name: 'Ana María' };
    api.update.mockResolvedValueOnce(renamed);
    await store.save();
    expect(auth.updateUser).toHaveBeenCalledWith(renamed);
    expect(store.done()).toEqual({ action: 'save', name: 'Ana María', signedOut: false });
    expect(names()).toEqual(['Ana María', 'Bruno', 'Carla']);

    // Renamed past the others, the member moves to their place by name.
    store.open(bruno);
    store.update({ name: 'Zoe' });
    api.update.mockResolvedValueOnce({ ...bruno, name: 'Zoe' });
    await store.save();
    expect(names()).toEqual(['Ana María', 'Carla', 'Zoe']);
  });

  it('one request at a time: a second action while one is on its way sends nothing', async () => {
    store.open(carla);
    store.requestDeactivate();
    const answer = heldUpdate();
    const deactivating = store.confirmDeactivate();
    expect(store.pending()).toBe('deactivate');

    await store.reactivate();
    store.updatePassword('carla-new-password');
    await store.setPassword();
    expect(api.update).toHaveBeenCalledTimes(1);
    expect(api.setPassword).not.toHaveBeenCalled();

    answer({ ...carla, active: false });
    await deactivating;
    expect(store.pending()).toBeNull();
    expect(store.confirming()).toBeNull();
    expect(team.members()?.find((m) => m.id === carla.id)?.active).toBe(false);
  });

  it('an answer that arrives after the admin moved on updates the list but says nothing in the other editor', async () => {
    store.open(bruno);
    store.requestDeactivate();
    const answer = heldUpdate();
    const deactivating = store.confirmDeactivate();

    store.open(carla);
    expect(store.pending()).toBeNull();
    answer({ ...bruno, active: false });
    await deactivating;
    expect(team.members()?.find((m) => m.id === bruno.id)?.active).toBe(false);
    expect(store.memberId()).toBe(carla.id);
    expect(store.done()).toBeNull();
    expect(store.draft()).toEqual({ name: 'Carla', role: 'marketer' });

    // A failure arriving late is dropped the same way.
    store.open(bruno);
    api.update.mockRejectedValueOnce(networkError());
    const reactivating = store.reactivate();
    store.close();
    await reactivating;
    expect(store.errorFor('access')).toBeNull();
  });

  it('a refusal stays beside the part it is about and goes when that part is edited', async () => {
    store.open(ana);
    store.update({ role: 'agent' });
    expect(store.demotesSelf()).toBe(true);
    await store.save();
    expect(store.confirming()).toBe('demoteSelf');
    expect(api.update).not.toHaveBeenCalled();
    // Changing the draft again drops the question: it was about the role chosen before.
    store.update({ role: 'supervisor' });
    expect(store.confirming()).toBeNull();

    await store.save();
    api.update.mockRejectedValueOnce(apiError(409, 'conflict', 'The last active admin cannot be demoted'));
    await store.save();
    expect(api.update).toHaveBeenCalledWith(ana.id, { role: 'supervisor' });
    expect(store.errorFor('details')).toBeTruthy();
    expect(store.errorFor('access')).toBeNull();

    store.requestDeactivate();
    expect(store.errorFor('details')).toBeNull();

    store.cancelConfirm();
    store.update({ role: 'admin' });
    api.update.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid request', [{ path: 'name', message: 'too long' }]),
    );
    store.update({ name: 'Ana B' });
    await store.save();
    expect(store.fieldError('name')).toEqual({ text: 'too long' });
    store.update({ name: 'Ana C' });
    expect(store.fieldError('name')).toBeNull();
  });

  it('never sets the signed-in admin’s own password here: that needs their current one', async () => {
    store.open(ana);
    store.updatePassword('a-long-new-password');
    await store.setPassword();
    expect(api.setPassword).not.toHaveBeenCalled();
  });
});
