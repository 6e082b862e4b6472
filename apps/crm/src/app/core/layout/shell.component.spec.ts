import { Component, input, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterLink, RouterLinkActive, RouterOutlet, provideRouter } from '@angular/router';
import type { StaffRole } from '@switchboard/contracts/types';
import { AuthStore } from '../auth/auth.store';
import { TranslatePipe } from '../i18n/translate.pipe';
import { LanguageSwitchComponent } from './language-switch.component';
import { ShellComponent } from './shell.component';

@Component({ selector: 'sb-connection-indicator', template: '' })
class ConnectionIndicatorStub {
  readonly detailed = input(false);
}
@Component({ selector: 'sb-notification-bell', template: '' })
class NotificationBellStub {}
@Component({ selector: 'sb-notification-toasts', template: '' })
class NotificationToastsStub {}
@Component({ template: '' })
class BlankPage {}

/** A media query list whose answer the test changes, as turning a phone or resizing a window does. */
function fakeMedia(initial: boolean) {
  const listeners = new Set<(event: { matches: boolean }) => void>();
  const list = {
    matches: initial,
    addEventListener: (_: string, fn: (event: { matches: boolean }) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (event: { matches: boolean }) => void) => listeners.delete(fn),
  };
  window.matchMedia = jest.fn().mockReturnValue(list);
  return (matches: boolean) => {
    list.matches = matches;
    for (const fn of listeners) fn({ matches });
  };
}

describe('ShellComponent menu', () => {
  const role = signal<StaffRole | null>('admin');

  async function render(narrow: boolean) {
    const setNarrow = fakeMedia(narrow);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        {
          provide: AuthStore,
          useValue: { role, user: signal({ name: 'Ada', role: 'admin' }), logout: jest.fn() },
        },
      ],
    });
    TestBed.overrideComponent(ShellComponent, {
      set: {
        imports: [
          RouterOutlet,
          RouterLink,
          RouterLinkActive,
          TranslatePipe,
          LanguageSwitchComponent,
          ConnectionIndicatorStub,
          NotificationBellStub,
          NotificationToastsStub,
        ],
      },
    });
    const fixture = TestBed.createComponent(ShellComponent);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const q = <T extends HTMLElement>(testId: string) => host.querySelector<T>(`[data-testid="${testId}"]`);
    return { fixture, host, q, setNarrow, toggle: q<HTMLButtonElement>('menu-toggle') as HTMLButtonElement };
  }

  afterEach(() => document.body.replaceChildren());

  it('on a narrow screen the menu button opens the menu, says so, and moves focus to its first link', async () => {
    const { fixture, host, q, toggle } = await render(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('sb-menu');
    expect(q('menu-panel')?.classList.contains('open')).toBe(false);

    toggle.click();
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Close the menu');
    expect(q('menu-panel')?.classList.contains('open')).toBe(true);
    expect(document.activeElement).toBe(q('nav-inbox'));
    // The page behind the open menu is out of reach of the keyboard and of screen readers.
    expect(host.querySelector('main')?.hasAttribute('inert')).toBe(true);
    expect(q('logout')).not.toBeNull();
    expect(q('language-switch')).not.toBeNull();
  });

  it('Escape closes the menu and gives focus back to the menu button', async () => {
    const { fixture, host, toggle } = await render(true);
    toggle.click();
    await fixture.whenStable();

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(host.querySelector('main')?.hasAttribute('inert')).toBe(false);
  });

  it('a click beside the open menu closes it and gives focus back to the menu button', async () => {
    const { fixture, host, toggle } = await render(true);
    toggle.click();
    await fixture.whenStable();

    host.querySelector<HTMLElement>('.backdrop')?.click();
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('following a link in the menu closes it', async () => {
    const { fixture, q, toggle } = await render(true);
    toggle.click();
    await fixture.whenStable();

    q('nav-team')?.click();
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/team');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('widening the window past the fold closes an open menu', async () => {
    const { fixture, host, toggle, setNarrow } = await render(true);
    toggle.click();
    await fixture.whenStable();

    setNarrow(false);
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(host.querySelector('main')?.hasAttribute('inert')).toBe(false);
  });

  it('lists only the pages of the signed-in role', async () => {
    role.set('marketer');
    const { q } = await render(true);
    expect(q('nav-campaigns')).not.toBeNull();
    expect(q('nav-inbox')).toBeNull();
    role.set('admin');
  });
});
