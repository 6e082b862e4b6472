import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { I18nService } from '../../core/i18n/i18n.service';
import { LiveStatusComponent } from './live-status.component';

describe('LiveStatusComponent', () => {
  let fixture: ComponentFixture<LiveStatusComponent>;
  const pill = () => (fixture.nativeElement as HTMLElement).querySelector('.pill')?.textContent?.trim();

  async function render(inputs: { live: boolean; connecting?: boolean }) {
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.inject(I18nService).setLanguage('en');
    fixture = TestBed.createComponent(LiveStatusComponent);
  });

  it('says "Connecting…", not "not live", while the first connection is still being made', async () => {
    await render({ live: false, connecting: true });
    expect(pill()).toBe('Connecting…');
  });

  it('says it is not live once connecting is over without a live connection', async () => {
    await render({ live: false, connecting: true });
    await render({ live: false, connecting: false });
    expect(pill()).toBe('Not live: refreshing every 15 s');
  });

  it('says Live when live, whatever else', async () => {
    await render({ live: true, connecting: true });
    expect(pill()).toBe('Live');
  });
});
