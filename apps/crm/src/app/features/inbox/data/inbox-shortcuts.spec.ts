import { TestBed } from '@angular/core/testing';
import { InboxShortcuts, shortcutOf } from './inbox-shortcuts';

function press(key: string, on: HTMLElement = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  on.dispatchEvent(event);
  return event;
}

describe('inbox shortcuts', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('knows j, k, /, e, a and ?', () => {
    const keys = ['j', 'k', '/', 'e', 'a', '?', 'x', 'Enter'].map((key) =>
      shortcutOf(new KeyboardEvent('keydown', { key })),
    );
    expect(keys).toEqual(['j', 'k', '/', 'e', 'a', '?', null, null]);
  });

  it('does nothing while typing in an input, a textarea, a select or anything contenteditable', () => {
    const fields = [
      document.createElement('input'),
      document.createElement('textarea'),
      document.createElement('select'),
      document.createElement('div'),
    ];
    fields[3].contentEditable = 'true';
    // jsdom has no isContentEditable: what a browser answers for it.
    Object.defineProperty(fields[3], 'isContentEditable', { value: true });
    for (const field of fields) {
      document.body.appendChild(field);
      const event = new KeyboardEvent('keydown', { key: 'j', bubbles: true });
      field.dispatchEvent(event);
      expect(shortcutOf(event)).toBeNull();
    }
  });

  it('leaves Ctrl, Alt and Cmd combinations to the browser and the composer', () => {
    expect(shortcutOf(new KeyboardEvent('keydown', { key: 'e', ctrlKey: true }))).toBeNull();
    expect(shortcutOf(new KeyboardEvent('keydown', { key: 'a', metaKey: true }))).toBeNull();
    expect(shortcutOf(new KeyboardEvent('keydown', { key: 'k', altKey: true }))).toBeNull();
  });

  it('runs what the view registered, once it is registered and until it stops', () => {
    TestBed.configureTestingModule({ providers: [InboxShortcuts] });
    const shortcuts = TestBed.inject(InboxShortcuts);
    const next = jest.fn();
    const stop = shortcuts.register('j', next);
    const event = press('j');
    expect(next).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    const input = document.body.appendChild(document.createElement('input'));
    press('j', input);
    expect(next).toHaveBeenCalledTimes(1);
    stop();
    expect(press('j').defaultPrevented).toBe(false);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('leaves the keys alone while the list of shortcuts is open', () => {
    TestBed.configureTestingModule({ providers: [InboxShortcuts] });
    const shortcuts = TestBed.inject(InboxShortcuts);
    const close = jest.fn();
    shortcuts.register('e', close);
    shortcuts.showHelp(true);
    press('e');
    expect(close).not.toHaveBeenCalled();
    shortcuts.showHelp(false);
    press('e');
    expect(close).toHaveBeenCalledTimes(1);
  });
});
