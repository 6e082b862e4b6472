import { TestBed } from '@angular/core/testing';
import { SettingsApi } from './settings.api';
import { TemplatesStore } from './templates.store';
import { apiError, flush, networkError, template } from './testing/settings-fixtures';

describe('TemplatesStore', () => {
  let api: { templates: jest.Mock; createTemplate: jest.Mock; updateTemplate: jest.Mock; deleteTemplate: jest.Mock };
  let store: TemplatesStore;

  async function start(items = [template({ name: 'b_order' }), template({ name: 'a_welcome' })]) {
    api.templates.mockResolvedValue({ items });
    store = TestBed.inject(TemplatesStore);
    await flush();
  }

  beforeEach(() => {
    api = { templates: jest.fn(), createTemplate: jest.fn(), updateTemplate: jest.fn(), deleteTemplate: jest.fn() };
    TestBed.configureTestingModule({ providers: [TemplatesStore, { provide: SettingsApi, useValue: api }] });
  });
  afterEach(() => TestBed.resetTestingModule());

  it('loads the list; empty and failed loads are their own states', async () => {
    api.templates.mockRejectedValueOnce(networkError());
    store = TestBed.inject(TemplatesStore);
    await flush();
    expect(store.items()).toBeUndefined();
    expect(store.loadError()).toBeTruthy();

    api.templates.mockResolvedValue({ items: [] });
    await store.load();
    expect(store.empty()).toBe(true);
  });

  it('creates a template after local validation and keeps the list sorted', async () => {
    await start();
    store.startNew();
    store.update({ name: 'Bad Name', body: 'Hola {{2}}' });
    expect(await store.save()).toBeNull();
    expect(api.createTemplate).not.toHaveBeenCalled();
    expect(store.fieldError('name')).toEqual({ key: 'settings.templates.error.name' });
    expect(store.fieldError('body')).toEqual({ key: 'settings.templates.error.placeholders' });

    store.update({ name: 'c_reminder', body: ' Hola {{1}} ' });
    const created = template({ name: 'c_reminder' });
    api.createTemplate.mockResolvedValue(created);
    expect(await store.save()).toEqual(created);
    expect(api.createTemplate).toHaveBeenCalledWith({
      name: 'c_reminder',
      language: 'es',
      category: 'utility',
      body: 'Hola {{1}}',
    });
    expect(store.items()?.map((t) => t.name)).toEqual(['a_welcome', 'b_order', 'c_reminder']);
    expect(store.editor()).toBeNull();
  });

  it('edits a template in place; a name taken (409) is shown on the form', async () => {
    await start();
    const original = store.items()?.[0];
    if (!original) throw new Error('no template');
    store.startEdit(original);
    expect(store.draft()).toMatchObject({ name: original.name, body: original.body });
    store.update({ body: 'Hola {{1}}, gracias' });

    api.updateTemplate.mockRejectedValueOnce(
      apiError(409, 'conflict', 'A template with this name and language exists'),
    );
    expect(await store.save()).toBeNull();
    expect(store.saveError()).toBeTruthy();

    api.updateTemplate.mockResolvedValue({ ...original, body: 'Hola {{1}}, gracias' });
    await store.save();
    expect(api.updateTemplate).toHaveBeenLastCalledWith(
      original.id,
      expect.objectContaining({ body: 'Hola {{1}}, gracias' }),
    );
    expect(store.items()?.find((t) => t.id === original.id)?.body).toBe('Hola {{1}}, gracias');
    expect(store.items()).toHaveLength(2);
  });

  it("the server's field errors go beside the fields", async () => {
    await start();
    store.startNew();
    store.update({ name: 'ok_name', body: 'Hola' });
    api.createTemplate.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid', [
        { path: 'language', message: 'a language code like en or en_US' },
      ]),
    );
    await store.save();
    expect(store.fieldError('language')).toEqual({ text: 'a language code like en or en_US' });
    expect(store.saveError()).toBeNull();
  });

  it('deletes after confirmation; one already gone just leaves the list', async () => {
    await start();
    const [first, second] = store.items() ?? [];
    store.askDelete(first.id);
    expect(store.confirmingDelete()).toBe(first.id);
    api.deleteTemplate.mockResolvedValueOnce(undefined);
    await store.remove(first.id);
    expect(store.items()?.map((t) => t.id)).toEqual([second.id]);
    expect(store.confirmingDelete()).toBeNull();

    api.deleteTemplate.mockRejectedValueOnce(apiError(404, 'not_found', 'No such template'));
    await store.remove(second.id);
    expect(store.items()).toEqual([]);
    expect(store.deleteError()).toBeNull();
  });

  it('a failed delete keeps the template and says why', async () => {
    await start();
    const [first] = store.items() ?? [];
    api.deleteTemplate.mockRejectedValueOnce(networkError());
    await store.remove(first.id);
    expect(store.items()).toHaveLength(2);
    expect(store.deleteError()).toBeTruthy();
  });
});
