import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { I18nService } from '../../../core/i18n/i18n.service';
import { stats } from '../data/testing/stats-fixtures';
import { StatsCardsComponent } from './stats-cards.component';

@Component({ template: '' })
class InboxStubComponent {}

describe('StatsCardsComponent', () => {
  let fixture: ComponentFixture<StatsCardsComponent>;
  const el = (testId: string) => fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'inbox', component: InboxStubComponent }])] });
    TestBed.inject(I18nService).setLanguage('en');
    fixture = TestBed.createComponent(StatsCardsComponent);
    fixture.componentRef.setInput(
      'stats',
      stats({
        unattended: 4,
        openConversations: 9,
        attendedThisMonth: 31,
        avgFirstResponseSeconds: 65,
        firstResponseMedianSeconds: 50,
        firstResponseP90Seconds: 190.4,
        firstResponseCount: 12,
        agentsOnline: 2,
        messagesToday: 120,
      }),
    );
    fixture.componentRef.setInput('timeZone', 'Europe/Madrid');
    fixture.detectChanges();
  });

  it('clicking the unattended card opens the inbox on its Unassigned tab', async () => {
    el('stat-unattended').querySelector('a')?.click();
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/inbox?tab=unassigned');
  });

  it('exposes each raw number as data-value on the element that shows it', () => {
    const values = [
      'stat-unattended',
      'stat-open',
      'stat-attended',
      'stat-first-response',
      'stat-agents-online',
      'stat-messages-today',
    ].map((id) => el(id).querySelector('[data-role="value"]')?.getAttribute('data-value'));
    expect(values).toEqual(['4', '9', '31', '65', '2', '120']);
  });

  it('formats the first response with its median, p90 and n under it', () => {
    expect(el('stat-first-response').querySelector('[data-role="value"]')?.textContent?.trim()).toBe('1 m 05 s');
    expect(el('stat-first-response-detail').textContent?.trim()).toBe('median 50 s · p90 3 m 10 s · n 12');
  });

  it('every card has an info button that shows its definition on the card, and hides it again', async () => {
    const card = el('stat-attended');
    const info = card.querySelector<HTMLButtonElement>('[data-role="info"]') as HTMLButtonElement;
    const definition = card.querySelector<HTMLElement>('[data-role="definition"]') as HTMLElement;
    const text = 'Conversations first assigned to an agent this calendar month (Europe/Madrid)';
    expect(info.getAttribute('aria-label')).toBe('What "Attended this month" counts');
    expect(info.getAttribute('aria-expanded')).toBe('false');
    expect(definition.hidden).toBe(true);

    info.click();
    await fixture.whenStable();
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(definition.hidden).toBe(false);
    expect(definition.textContent?.trim()).toBe(text);
    expect(info.getAttribute('aria-controls')).toBe(definition.id);
    // Only this card's definition opened.
    expect(el('stat-open').querySelector<HTMLElement>('[data-role="definition"]')?.hidden).toBe(true);

    info.click();
    await fixture.whenStable();
    expect(definition.hidden).toBe(true);
  });

  it('the info button of the linked card shows the definition instead of opening the inbox', async () => {
    el('stat-unattended').querySelector<HTMLButtonElement>('[data-role="info"]')?.click();
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
    expect(el('stat-unattended').querySelector<HTMLElement>('[data-role="definition"]')?.hidden).toBe(false);
  });

  it('is no hover tooltip: the definition is the accessible description, not a title', () => {
    const card = el('stat-unattended');
    expect(card.getAttribute('title')).toBeNull();
    const describedBy = card.getAttribute('aria-describedby');
    expect(describedBy && fixture.nativeElement.querySelector(`#${describedBy}`)?.textContent?.trim()).toBe(
      'Open conversations nobody is assigned to',
    );
  });

  it('agents online says which roles take chats: the ones a conversation can be assigned to', () => {
    const definition = el('stat-agents-online').querySelector('[data-role="definition"]')?.textContent ?? '';
    expect(definition).toContain('Admin, Supervisor, Agent');
    expect(definition).not.toContain('Marketer');
  });
});
