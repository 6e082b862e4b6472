import { TestBed } from '@angular/core/testing';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { LabelsApi } from './labels.api';
import { LabelsStore } from './labels.store';

const label = (id: string, name: string, color = '#e5484d') => ({ id, name, color });
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('LabelsStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: Record<'list' | 'create' | 'update' | 'remove', jest.Mock>;
  let store: LabelsStore;
  const names = () => store.items()?.map((l) => l.name);

  beforeEach(async () => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    api = {
      list: jest.fn(async () => [label('1', 'vip'), label('2', 'Angry'), label('3', 'Refund')]),
      create: jest.fn(async (body: { name: string; color: string }) => label('4', body.name, body.color)),
      update: jest.fn(async (id: string, body: { name: string; color: string }) => label(id, body.name, body.color)),
      remove: jest.fn(async () => undefined),
    };
    TestBed.configureTestingModule({
      providers: [...realtime.providers, LabelsStore, { provide: LabelsApi, useValue: api }],
    });
    TestBed.inject(RealtimeService).on('/chat', 'presence_changed').subscribe();
    TestBed.tick();
    realtime.manager().connectAll();
    store = TestBed.inject(LabelsStore);
    TestBed.tick();
    await flush();
  });

  afterEach(() => jest.useRealTimers());

  it("lists the team's labels by name, whatever the letter case", () => {
    expect(names()).toEqual(['Angry', 'Refund', 'vip']);
  });

  it('puts a created or renamed label in its place, sent trimmed and in lower-case colour', async () => {
    await store.create({ name: '  Bug ', color: '#ABCDEF' });
    expect(api.create).toHaveBeenCalledWith({ name: 'Bug', color: '#abcdef' });
    expect(names()).toEqual(['Angry', 'Bug', 'Refund', 'vip']);
    await store.update('1', { name: 'Aaa VIP', color: '#000000' });
    expect(names()).toEqual(['Aaa VIP', 'Angry', 'Bug', 'Refund']);
    await store.remove('2');
    expect(names()).toEqual(['Aaa VIP', 'Bug', 'Refund']);
  });

  it("throws the server's refusal to the form and changes nothing", async () => {
    api.create.mockRejectedValueOnce(new Error('conflict'));
    await expect(store.create({ name: 'Angry', color: '#000000' })).rejects.toThrow('conflict');
    expect(names()).toEqual(['Angry', 'Refund', 'vip']);
  });

  it('reads them again when the connection comes back (labels have no pushes)', async () => {
    api.list.mockResolvedValueOnce([label('9', 'New one')]);
    realtime.manager().drop();
    TestBed.tick();
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    TestBed.tick();
    await flush();
    expect(names()).toEqual(['New one']);
  });

  it('keeps a load failure for the page to offer a retry', async () => {
    api.list.mockRejectedValueOnce(new Error('down'));
    await store.load();
    expect(store.error()).toBeTruthy();
    await store.load();
    expect(store.error()).toBeNull();
  });
});
