import { ApiError } from '../../core/http/api-error';
import { serverFieldMessages } from '../forms/field-messages';
import { CatalogueEditor } from './catalogue-editor';

interface Item {
  id: string;
  name: string;
}
type Draft = { name: string };

const item = (id: string, name: string): Item => ({ id, name });
const notFound = () => new ApiError('not_found', 'No such item', 404);
const network = () => new ApiError('network', '', 0);

/** A promise the test settles when it wants to, to look at the editor while a request is out. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** `list` is the extending store's to load; the test loads it by hand. */
class TestCatalogue extends CatalogueEditor<Item, Draft> {
  loaded(items: Item[]): this {
    this.list.set(items);
    return this;
  }
}

describe('CatalogueEditor', () => {
  let api: { create: jest.Mock; update: jest.Mock; remove: jest.Mock };
  let catalogue: TestCatalogue;
  const names = () => catalogue.items()?.map((i) => i.name);

  beforeEach(() => {
    api = { create: jest.fn(), update: jest.fn(), remove: jest.fn() };
    catalogue = new TestCatalogue({
      api,
      order: (a, b) => a.name.localeCompare(b.name),
      blank: { name: '' },
      draftOf: (i) => ({ name: i.name }),
      body: (d) => ({ name: d.name.trim() }),
      errors: (d) => (d.name.trim() ? {} : { name: 'labels.error.nameRequired' }),
      fieldErrors: (error) => serverFieldMessages(error, ['name']),
    }).loaded([item('1', 'bravo'), item('2', 'delta')]);
  });

  it('creates a new item, sent as the server stores it, in its place in the list', async () => {
    catalogue.startNew();
    catalogue.update({ name: ' charlie ' });
    api.create.mockResolvedValueOnce(item('3', 'charlie'));

    expect(await catalogue.save()).toEqual(item('3', 'charlie'));
    expect(api.create).toHaveBeenCalledWith({ name: 'charlie' });
    expect(api.update).not.toHaveBeenCalled();
    expect(names()).toEqual(['bravo', 'charlie', 'delta']);
    expect(catalogue.editor()).toBeNull();
  });

  it('updates an edited item in place, moving it where its new name sorts', async () => {
    catalogue.startEdit(item('2', 'delta'));
    expect(catalogue.editor()).toEqual({ mode: 'edit', id: '2' });
    expect(catalogue.draft()).toEqual({ name: 'delta' });
    catalogue.update({ name: 'alpha' });
    api.update.mockResolvedValueOnce(item('2', 'alpha'));

    await catalogue.save();
    expect(api.update).toHaveBeenCalledWith('2', { name: 'alpha' });
    expect(api.create).not.toHaveBeenCalled();
    expect(catalogue.items()).toEqual([item('2', 'alpha'), item('1', 'bravo')]);
    expect(catalogue.editor()).toBeNull();
  });

  it('sends nothing while our own rules say no, and says why only once a save was tried', async () => {
    catalogue.startNew();
    expect(catalogue.valid()).toBe(false);
    expect(catalogue.fieldError('name')).toBeNull();

    expect(await catalogue.save()).toBeNull();
    expect(api.create).not.toHaveBeenCalled();
    expect(catalogue.fieldError('name')).toEqual({ key: 'labels.error.nameRequired' });
  });

  it('a failed save keeps the editor and the draft open, with the error', async () => {
    catalogue.startNew();
    catalogue.update({ name: 'echo' });
    api.create.mockRejectedValueOnce(network());

    expect(await catalogue.save()).toBeNull();
    expect(catalogue.editor()).toEqual({ mode: 'new' });
    expect(catalogue.draft()).toEqual({ name: 'echo' });
    expect(catalogue.saveError()).toBeInstanceOf(ApiError);
    expect(catalogue.saving()).toBe(false);
    expect(names()).toEqual(['bravo', 'delta']);
  });

  it("puts the server's refusal of a field beside it, until that field changes", async () => {
    catalogue.startNew();
    catalogue.update({ name: 'echo' });
    api.create.mockRejectedValueOnce(
      new ApiError('validation_failed', 'Invalid', 400, [{ path: 'name', message: 'not that one' }]),
    );

    await catalogue.save();
    expect(catalogue.fieldError('name')).toEqual({ text: 'not that one' });
    expect(catalogue.saveError()).toBeNull();
    expect(catalogue.editor()).toEqual({ mode: 'new' });

    catalogue.update({ name: 'foxtrot' });
    expect(catalogue.fieldError('name')).toBeNull();
  });

  it('deletes after the confirmation', async () => {
    catalogue.askDelete('1');
    expect(catalogue.confirmingDelete()).toBe('1');
    api.remove.mockResolvedValueOnce(undefined);

    await catalogue.remove('1');
    expect(api.remove).toHaveBeenCalledWith('1');
    expect(names()).toEqual(['delta']);
    expect(catalogue.confirmingDelete()).toBeNull();
    expect(catalogue.deleting()).toBeNull();
  });

  it('an item already deleted elsewhere (not_found) just leaves the list, with no error', async () => {
    catalogue.askDelete('1');
    api.remove.mockRejectedValueOnce(notFound());

    await catalogue.remove('1');
    expect(names()).toEqual(['delta']);
    expect(catalogue.deleteError()).toBeNull();
    expect(catalogue.confirmingDelete()).toBeNull();
  });

  it('any other failed delete keeps the item and says why', async () => {
    catalogue.askDelete('1');
    api.remove.mockRejectedValueOnce(network());

    await catalogue.remove('1');
    expect(names()).toEqual(['bravo', 'delta']);
    expect(catalogue.deleteError()).toBeInstanceOf(ApiError);
    expect(catalogue.confirmingDelete()).toBe('1');
  });

  it('removing the item being edited closes the editor; removing another leaves it open', async () => {
    catalogue.startEdit(item('1', 'bravo'));
    api.remove.mockResolvedValueOnce(undefined);
    await catalogue.remove('2');
    expect(catalogue.editor()).toEqual({ mode: 'edit', id: '1' });

    api.remove.mockRejectedValueOnce(notFound());
    await catalogue.remove('1');
    expect(catalogue.editor()).toBeNull();
    expect(catalogue.items()).toEqual([]);
  });

  it('a second save while one is in flight does nothing', async () => {
    const created = deferred<Item>();
    api.create.mockReturnValueOnce(created.promise);
    catalogue.startNew();
    catalogue.update({ name: 'echo' });

    const first = catalogue.save();
    expect(catalogue.saving()).toBe(true);
    expect(await catalogue.save()).toBeNull();
    expect(api.create).toHaveBeenCalledTimes(1);

    created.resolve(item('3', 'echo'));
    expect(await first).toEqual(item('3', 'echo'));
    expect(catalogue.saving()).toBe(false);
    expect(names()).toEqual(['bravo', 'delta', 'echo']);
  });

  it('a second remove while one is in flight does nothing', async () => {
    const removed = deferred<void>();
    api.remove.mockReturnValueOnce(removed.promise);

    const first = catalogue.remove('1');
    expect(catalogue.deleting()).toBe('1');
    await catalogue.remove('2');
    expect(api.remove).toHaveBeenCalledTimes(1);

    removed.resolve();
    await first;
    expect(catalogue.deleting()).toBeNull();
    expect(names()).toEqual(['delta']);
  });
});
