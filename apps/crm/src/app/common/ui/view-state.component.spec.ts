import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { RealtimeError } from '../../core/realtime/realtime.types';
import { ApiError } from '../../core/http/api-error';
import { ViewStateComponent } from './view-state.component';

describe('ViewStateComponent', () => {
  let fixture: ComponentFixture<ViewStateComponent>;
  const q = (testId: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const notFound = { title: 'No such conversation', link: '/inbox', linkLabel: 'Back to conversations' };

  async function render(error: unknown) {
    fixture.componentRef.setInput('hasValue', false);
    fixture.componentRef.setInput('notFound', notFound);
    fixture.componentRef.setInput('error', error);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    TestBed.inject(I18nService).setLanguage('en');
    fixture = TestBed.createComponent(ViewStateComponent);
  });

  it('says what is missing, with the way back and no retry, when it does not exist', async () => {
    await render(new ApiError('not_found', 'No such conversation', 404));
    expect(q('view-not-found')?.textContent).toContain('No such conversation');
    expect(q('view-not-found-link')?.textContent).toContain('Back to conversations');
    expect(q('view-error')).toBeNull();
  });

  it("gives the server's reason when it is not the viewer's to see: retrying cannot change that either", async () => {
    await render(new RealtimeError('forbidden', 'This conversation is not yours'));
    expect(q('view-not-found')?.textContent).toContain('This conversation is not yours');
    expect(q('view-error')).toBeNull();
  });

  it('keeps the retry for failures that may pass', async () => {
    await render(new ApiError('network', '', 0));
    expect(q('view-error')?.querySelector('button')).not.toBeNull();
    expect(q('view-not-found')).toBeNull();
  });
});
