import { TestBed } from '@angular/core/testing';
import { stats } from '../data/testing/stats-fixtures';
import { CsatCardComponent, csatBars } from './csat-card.component';

const distribution = (counts: number[]) => counts.map((count, i) => ({ score: i + 1, count }));

describe('CsatCardComponent', () => {
  function render(overrides: Parameters<typeof stats>[0]): HTMLElement {
    const fixture = TestBed.createComponent(CsatCardComponent);
    fixture.componentRef.setInput('stats', stats(overrides));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the average, the count and one bar per score, best first', () => {
    const el = render({ csatAverage: 4.25, csatCount: 4, csatDistribution: distribution([0, 0, 1, 1, 2]) });
    expect(el.querySelector('[data-testid="csat-average"]')?.textContent?.trim()).toBe('4.3');
    expect(el.querySelector('[data-testid="csat-count"]')?.textContent).toContain('4');
    const bars = Array.from(el.querySelectorAll('[data-testid="csat-bar"]'));
    expect(bars.map((b) => [b.getAttribute('data-score'), b.getAttribute('data-count')])).toEqual([
      ['5', '2'],
      ['4', '1'],
      ['3', '1'],
      ['2', '0'],
      ['1', '0'],
    ]);
  });

  it('says there are no ratings yet when there are none this month', () => {
    const el = render({});
    expect(el.querySelector('[data-testid="csat-empty"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid="csat-bar"]')).toHaveLength(0);
  });

  it("gives each score its share of the month's ratings", () => {
    expect(
      csatBars({ csatAverage: 3, csatCount: 3, csatDistribution: distribution([1, 0, 1, 0, 1]) }).map((b) => b.percent),
    ).toEqual([33, 0, 33, 0, 33]);
  });
});
