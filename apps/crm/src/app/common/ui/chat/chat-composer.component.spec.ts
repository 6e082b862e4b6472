import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ChatComposerComponent } from './chat-composer.component';
import type { ComposerAssist } from './composer-suggestions';

/** Offers two canned replies while the word at the caret starts with `/`. */
const slashAssist: ComposerAssist = ({ text, caret }) => {
  const from = text.lastIndexOf('/', caret);
  if (from < 0 || /\s/.test(text.slice(from, caret))) return null;
  const query = text.slice(from + 1, caret);
  const items = [
    { id: 'a', label: '/greet', insert: 'Hello Carla' },
    { id: 'b', label: '/order', insert: 'Your order {{order.id}}', warning: '{{order.id}} stays as written' },
  ].filter((i) => i.label.startsWith(`/${query}`));
  return { kind: 'canned', from, to: caret, title: 'Canned replies', items, empty: 'Nothing' };
};

describe('ChatComposerComponent', () => {
  let fixture: ComponentFixture<ChatComposerComponent>;
  let sent: string[];

  const host = () => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement = HTMLElement>(testId: string) =>
    host().querySelector<T>(`[data-testid="${testId}"]`);
  const box = () => q<HTMLTextAreaElement>('composer-input') as HTMLTextAreaElement;
  const options = () => Array.from(host().querySelectorAll('[data-testid="composer-suggestion"]'));
  const selected = () => options().findIndex((o) => o.getAttribute('aria-selected') === 'true');

  async function type(text: string) {
    box().focus();
    box().value = text;
    box().setSelectionRange(text.length, text.length);
    box().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function press(key: string, init: KeyboardEventInit = {}) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    box().dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  beforeEach(async () => {
    TestBed.inject(I18nService).setLanguage('en');
    fixture = TestBed.createComponent(ChatComposerComponent);
    sent = [];
    fixture.componentInstance.send.subscribe((text) => sent.push(text));
    document.body.appendChild(host());
    await fixture.whenStable();
  });

  afterEach(() => host().remove());

  it('shows no note switch and no suggestions unless the page asks for them (the widget does not)', async () => {
    expect(q('composer-mode-note')).toBeNull();
    await type('/gr');
    expect(q('composer-suggestions')).toBeNull();
    await press('Enter');
    expect(sent).toEqual(['/gr']);
  });

  it('switches to a note: the composer says so and the send button adds a note', async () => {
    fixture.componentRef.setInput('canWriteNotes', true);
    await fixture.whenStable();
    expect(q('composer-mode-reply')?.getAttribute('aria-pressed')).toBe('true');
    q('composer-mode-note')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.note()).toBe(true);
    expect(q('composer-mode-note')?.getAttribute('aria-pressed')).toBe('true');
    expect(q('composer-note-hint')?.textContent).toContain('Only your team sees notes');
    expect(q('composer-send')?.textContent?.trim()).toBe('Add note');
    expect(box().placeholder).toBe('Write a note only your team sees…');
  });

  describe('with suggestions', () => {
    beforeEach(async () => {
      fixture.componentRef.setInput('assist', slashAssist);
      await fixture.whenStable();
    });

    it('opens the list as the trigger is typed and narrows it', async () => {
      await type('Hi /');
      expect(options().map((o) => o.querySelector('.label')?.textContent)).toEqual(['/greet', '/order']);
      expect(q('composer-suggestion-warning')?.textContent).toContain('{{order.id}} stays as written');
      await type('Hi /o');
      expect(options()).toHaveLength(1);
    });

    it('moves with the arrows (wrapping) and Enter inserts the choice instead of sending', async () => {
      await type('Hi /');
      expect(selected()).toBe(0);
      await press('ArrowDown');
      expect(selected()).toBe(1);
      await press('ArrowDown');
      expect(selected()).toBe(0);
      await press('ArrowUp');
      expect(selected()).toBe(1);
      const enter = await press('Enter');
      expect(enter.defaultPrevented).toBe(true);
      expect(sent).toEqual([]);
      expect(fixture.componentInstance.text()).toBe('Hi Your order {{order.id}}');
      expect(box().selectionStart).toBe('Hi Your order {{order.id}}'.length);
      expect(q('composer-suggestions')).toBeNull();
    });

    it('Tab inserts too, and a click on a choice', async () => {
      await type('/');
      await press('Tab');
      expect(fixture.componentInstance.text()).toBe('Hello Carla');
      await type('/');
      options()[1].dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
      await fixture.whenStable();
      expect(fixture.componentInstance.text()).toBe('Your order {{order.id}}');
    });

    it('Escape closes the list without leaving the composer; the next trigger opens it again', async () => {
      await type('/gr');
      const escape = await press('Escape');
      expect(escape.defaultPrevented).toBe(true);
      expect(q('composer-suggestions')).toBeNull();
      await type('/gre');
      expect(q('composer-suggestions')).toBeNull();
      await type('/gre /');
      expect(options()).toHaveLength(2);
    });

    it('Ctrl+Enter sends what is written even with the list open', async () => {
      await type('Hi /gr');
      await press('Enter', { ctrlKey: true });
      expect(sent).toEqual(['Hi /gr']);
      expect(fixture.componentInstance.text()).toBe('');
    });

    it('says so when nothing matches, and Enter then sends as usual', async () => {
      await type('/zz');
      expect(q('composer-suggestions-empty')?.textContent).toBe('Nothing');
      await press('Enter');
      expect(sent).toEqual(['/zz']);
    });

    it('shows no list once the composer loses the focus', async () => {
      await type('/');
      box().blur();
      await fixture.whenStable();
      expect(q('composer-suggestions')).toBeNull();
    });
  });
});
