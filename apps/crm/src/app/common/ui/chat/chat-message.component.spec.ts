import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ME, message } from '../../../features/inbox/data/testing/chat-fixtures';
import { ChatMessageComponent } from './chat-message.component';

describe('ChatMessageComponent', () => {
  let fixture: ComponentFixture<ChatMessageComponent>;
  let edits: string[];

  const host = () => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement = HTMLElement>(testId: string) =>
    host().querySelector<T>(`[data-testid="${testId}"]`);
  const click = async (testId: string) => {
    q(testId)?.click();
    await fixture.whenStable();
  };
  const typeEdit = async (value: string) => {
    const input = q<HTMLTextAreaElement>('message-edit-input');
    if (!input) throw new Error('no editor');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.inject(I18nService).setLanguage('en');
    fixture = TestBed.createComponent(ChatMessageComponent);
    fixture.componentRef.setInput(
      'message',
      message(1, { content: 'hola', sender: { type: 'agent', id: ME.id, name: ME.name } }),
    );
    fixture.componentRef.setInput('status', 'sent');
    fixture.componentRef.setInput('mine', true);
    edits = [];
    fixture.componentInstance.edit.subscribe((content) => edits.push(content));
    document.body.appendChild(host());
    await fixture.whenStable();
  });

  afterEach(() => host().remove());

  it('offers reply, react, edit and delete, and none of them in a read-only conversation', async () => {
    for (const action of ['message-reply', 'message-react', 'message-edit', 'message-delete'])
      expect(q(action)).not.toBeNull();
    fixture.componentRef.setInput('readOnly', true);
    await fixture.whenStable();
    for (const action of ['message-reply', 'message-react', 'message-edit', 'message-delete'])
      expect(q(action)).toBeNull();
  });

  describe('the reaction picker', () => {
    const open = async () => {
      await click('message-react');
      expect(q('reaction-option')).not.toBeNull();
    };

    it('closes on Escape and gives the focus back to React', async () => {
      await open();
      q('reaction-option')?.focus();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await fixture.whenStable();
      expect(q('reaction-option')).toBeNull();
      expect(document.activeElement).toBe(q('message-react'));
    });

    it('closes on a click outside the message, not on one inside it', async () => {
      await open();
      host().querySelector<HTMLElement>('.bubble')?.click();
      await fixture.whenStable();
      expect(q('reaction-option')).not.toBeNull();

      document.body.click();
      await fixture.whenStable();
      expect(q('reaction-option')).toBeNull();
    });

    it('still reacts with the emoji picked', async () => {
      const reactions: string[] = [];
      fixture.componentInstance.react.subscribe((emoji) => reactions.push(emoji));
      await open();
      await click('reaction-option');
      expect(reactions).toEqual(['👍']);
      expect(q('reaction-option')).toBeNull();
    });
  });

  describe('editing', () => {
    it('refuses to save a blank message: the editor stays open and says to delete it instead', async () => {
      await click('message-edit');
      await typeEdit('   ');
      await click('message-edit-save');

      expect(edits).toEqual([]);
      expect(q('message-edit-input')).not.toBeNull();
      expect(q('message-edit-empty')?.textContent?.trim()).toBe(
        'A message cannot be empty. To remove it, delete it instead.',
      );
      expect(q('message-edit-input')?.getAttribute('aria-invalid')).toBe('true');
    });

    it('drops the complaint as soon as there is text again, and saves that text', async () => {
      await click('message-edit');
      await typeEdit('');
      await click('message-edit-save');
      await typeEdit('  hola de nuevo ');
      expect(q('message-edit-empty')).toBeNull();

      await click('message-edit-save');
      expect(edits).toEqual(['hola de nuevo']);
      expect(q('message-edit-input')).toBeNull();
    });

    it('closes without saving when nothing changed', async () => {
      await click('message-edit');
      await click('message-edit-save');
      expect(edits).toEqual([]);
      expect(q('message-edit-input')).toBeNull();
    });
  });

  it('gives the full date and time of the message as the tooltip of its time', async () => {
    fixture.componentRef.setInput('message', message(1, { createdAt: new Date(2026, 2, 5, 17, 23).toISOString() }));
    await fixture.whenStable();
    const time = host().querySelector('time');
    expect(time?.textContent?.trim()).toBe('05:23 PM');
    expect(time?.getAttribute('title')).toBe('Thursday, March 5, 2026 at 5:23 PM');
  });

  describe('a private note', () => {
    const people = [
      { id: 'u-bruno', name: 'Bruno Agent' },
      { id: ME.id, name: ME.name },
    ];

    async function showNote(content: string, mentionables = people) {
      fixture.componentRef.setInput(
        'message',
        message(2, { content, private: true, sender: { type: 'agent', id: 'u-sara', name: 'Sara' } }),
      );
      fixture.componentRef.setInput('mine', false);
      fixture.componentRef.setInput('mentionables', mentionables);
      await fixture.whenStable();
    }

    it('is marked as a note only the team sees', async () => {
      expect(q('message-note-label')).toBeNull();
      expect(host().classList.contains('note')).toBe(false);
      await showNote('Call her back tomorrow');
      expect(host().classList.contains('note')).toBe(true);
      expect(q('message-note-label')?.textContent).toContain('Only your team sees this');
    });

    it('highlights the colleagues it mentions and keeps the text as written', async () => {
      await showNote('@Bruno Agent and @ana, see above');
      const marks = Array.from(host().querySelectorAll('[data-testid="message-mention"]')).map((m) => m.textContent);
      expect(marks).toEqual(['@Bruno Agent', '@ana']);
      expect(q('message-text')?.textContent).toBe('@Bruno Agent and @ana, see above');
    });

    it('highlights nothing in a reply to the customer, nor a name nobody has', async () => {
      await showNote('@Nobody here');
      expect(host().querySelector('[data-testid="message-mention"]')).toBeNull();
      fixture.componentRef.setInput('message', message(3, { content: '@Bruno Agent', private: false }));
      await fixture.whenStable();
      expect(host().querySelector('[data-testid="message-mention"]')).toBeNull();
    });
  });
});
