import { TestBed } from '@angular/core/testing';
import { FieldNoteComponent } from './field-note.component';

describe('FieldNoteComponent', () => {
  async function render(hint: string | null, error: string | null) {
    const fixture = TestBed.createComponent(FieldNoteComponent);
    fixture.componentRef.setInput('noteId', 'pw-note');
    fixture.componentRef.setInput('errorTestId', 'pw-error');
    fixture.componentRef.setInput('hint', hint);
    fixture.componentRef.setInput('error', error);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    return { fixture, host, texts: () => Array.from(host.querySelectorAll('p')).map((p) => p.textContent?.trim()) };
  }

  it('shows the hint while the field has no error', async () => {
    const { host, texts } = await render('At least 8 characters', null);
    expect(texts()).toEqual(['At least 8 characters']);
    expect(host.querySelector('#pw-note')?.getAttribute('data-role')).toBe('hint');
  });

  it('shows the error instead of the hint, never both, under the same id', async () => {
    const { host, texts } = await render('At least 8 characters', 'Too short');
    expect(texts()).toEqual(['Too short']);
    expect(host.querySelector('#pw-note')?.getAttribute('data-testid')).toBe('pw-error');
  });

  it('goes back to the hint once the error is fixed', async () => {
    const { fixture, texts } = await render('At least 8 characters', 'Too short');
    fixture.componentRef.setInput('error', null);
    await fixture.whenStable();
    expect(texts()).toEqual(['At least 8 characters']);
  });
});
