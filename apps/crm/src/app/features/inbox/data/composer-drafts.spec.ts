import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '../../../core/auth/auth.store';
import { ComposerDrafts } from './composer-drafts';

describe('ComposerDrafts', () => {
  const user = signal<{ id: string } | null>({ id: 'agent-1' });
  let drafts: ComposerDrafts;

  beforeEach(() => {
    user.set({ id: 'agent-1' });
    TestBed.configureTestingModule({ providers: [{ provide: AuthStore, useValue: { user } }] });
    drafts = TestBed.inject(ComposerDrafts);
  });

  it('keeps one draft per conversation', () => {
    drafts.set('c1', 'para c1');
    drafts.set('c2', 'para c2');
    expect(drafts.get('c1')).toBe('para c1');
    expect(drafts.get('c2')).toBe('para c2');
    expect(drafts.get('c3')).toBe('');
  });

  it('forgets a draft emptied or sent', () => {
    drafts.set('c1', 'para c1');
    drafts.set('c1', '');
    expect(drafts.get('c1')).toBe('');
  });

  it('shows nobody the drafts of whoever was signed in before', () => {
    drafts.set('c1', 'privado');
    user.set(null);
    user.set({ id: 'agent-2' });
    expect(drafts.get('c1')).toBe('');
  });
});
