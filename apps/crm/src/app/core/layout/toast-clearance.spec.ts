import { TestBed } from '@angular/core/testing';
import { ToastClearance } from './toast-clearance';

/** An element whose top edge is `top` (or what `top()` says at the time) px from the top of the viewport. */
function elementAt(top: number | (() => number), hidden: () => boolean = () => false): HTMLElement {
  const el = document.createElement('div');
  el.getBoundingClientRect = () => {
    // What a browser answers for an element that is not rendered (display: none): an empty box at 0.
    if (hidden()) return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) };
    const y = typeof top === 'number' ? top : top();
    return { top: y, bottom: y + 80, left: 0, right: 100, width: 100, height: 80, x: 0, y, toJSON: () => ({}) };
  };
  return el;
}

describe('ToastClearance', () => {
  let clearance: ToastClearance;

  beforeEach(() => {
    clearance = TestBed.inject(ToastClearance);
  });

  it('asks nothing of the toasts while no composer is on the page', () => {
    expect(clearance.bottomPx()).toBe(0);
  });

  it('lifts the toasts above a composer, and lets them down when it goes', () => {
    const stop = clearance.keepClear(elementAt(window.innerHeight - 120));
    expect(clearance.bottomPx()).toBe(120);
    stop();
    expect(clearance.bottomPx()).toBe(0);
  });

  it('follows the composer when the window is resized', () => {
    let top = window.innerHeight - 100;
    const stop = clearance.keepClear(elementAt(() => top));
    expect(clearance.bottomPx()).toBe(100);
    top = window.innerHeight - 150;
    window.dispatchEvent(new Event('resize'));
    expect(clearance.bottomPx()).toBe(150);
    stop();
  });

  it('a composer that went after a newer one came does not let the toasts down over the newer one', () => {
    const stopOld = clearance.keepClear(elementAt(window.innerHeight - 90));
    const stopNew = clearance.keepClear(elementAt(window.innerHeight - 110));
    stopOld();
    expect(clearance.bottomPx()).toBe(110);
    stopNew();
    expect(clearance.bottomPx()).toBe(0);
  });

  it('a composer that is not shown (a phone showing the list) does not push the toasts off the screen', () => {
    let hidden = true;
    const stop = clearance.keepClear(elementAt(window.innerHeight - 100, () => hidden));
    expect(clearance.bottomPx()).toBe(0);
    hidden = false;
    window.dispatchEvent(new Event('resize'));
    expect(clearance.bottomPx()).toBe(100);
    stop();
  });
});
