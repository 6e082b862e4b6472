import {
  DEFAULT_VIEW,
  activeFilterCount,
  parseView,
  queryOf,
  tabOf,
  viewParams,
  withTab,
  type InboxView,
} from './inbox-view';

const ME = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const LABEL = '33333333-3333-4333-8333-333333333333';

/** The view a query string asks for. */
const fromUrl = (query: string, meId: string | null = ME) => {
  const params = new URLSearchParams(query);
  return parseView((name) => params.get(name), meId);
};
/** The query string of a view, as the router writes it (null parameters left out). */
const toUrl = (view: InboxView) =>
  Object.entries(viewParams(view))
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

describe('inbox views in the URL', () => {
  it('opens All, newest activity first, with no parameters', () => {
    expect(fromUrl('')).toEqual(DEFAULT_VIEW);
    expect(toUrl(DEFAULT_VIEW)).toBe('');
  });

  it("reads the dashboard's ?tab=unassigned as open and unassigned, and writes it back the same way", () => {
    const view = fromUrl('tab=unassigned');
    expect(view).toMatchObject({ status: 'open', assignee: 'unassigned' });
    expect(tabOf(view)).toBe('unassigned');
    expect(toUrl(view)).toBe('tab=unassigned');
  });

  it('keeps every filter and the order through a round trip', () => {
    const view: InboxView = {
      status: 'closed',
      assignee: BOB,
      channel: 'whatsapp',
      label: LABEL,
      unreadOnly: true,
      sort: 'waitingLongest',
      q: 'pedido',
    };
    expect(toUrl(view)).toBe(
      `status=closed&assignee=${BOB}&channel=whatsapp&label=${LABEL}&unread=true&sort=waitingLongest&q=pedido`,
    );
    expect(fromUrl(toUrl(view))).toEqual(view);
    expect(tabOf(view)).toBeNull();
  });

  it('a tab keeps the other filters and the order', () => {
    const view = withTab({ ...DEFAULT_VIEW, label: LABEL, sort: 'createdAt' }, 'mine');
    expect(toUrl(view)).toBe(`tab=mine&label=${LABEL}&sort=createdAt`);
  });

  it('names the viewer "me" even when the link names them by id', () => {
    expect(fromUrl(`assignee=${ME.toUpperCase()}`).assignee).toBe('me');
    expect(fromUrl(`assignee=${BOB}`).assignee).toBe(BOB);
  });

  it('falls back to the default of each filter a link gets wrong, keeping the rest', () => {
    const view = fromUrl(
      `tab=everything&status=pending&assignee=bob&channel=fax&label=vip&unread=yes&sort=random&q=x&channel=web`,
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, channel: null });
    expect(fromUrl(`label=vip&channel=web`)).toEqual({ ...DEFAULT_VIEW, channel: 'web' });
  });

  it('explicit status and assignee win over the tab', () => {
    expect(fromUrl('tab=mine&status=closed')).toMatchObject({ status: 'closed', assignee: 'me' });
  });

  it('trims the list search and drops it under two characters', () => {
    expect(fromUrl('q=%20%20ana%20').q).toBe('ana');
    expect(fromUrl('q=a').q).toBeNull();
  });

  it('counts the filters that are on, status and assignee outside a tab as one', () => {
    expect(activeFilterCount(DEFAULT_VIEW)).toBe(0);
    expect(activeFilterCount(withTab(DEFAULT_VIEW, 'closed'))).toBe(0);
    expect(
      activeFilterCount({ ...DEFAULT_VIEW, status: 'any', label: LABEL, unreadOnly: true, sort: 'createdAt' }),
    ).toBe(3);
  });
});

describe('the list request of a view', () => {
  it('asks the server for each filter, and for the order only when it is not the default', () => {
    expect(queryOf(DEFAULT_VIEW, ME)).toEqual({ status: 'open' });
    expect(queryOf(withTab(DEFAULT_VIEW, 'mine'), ME)).toEqual({ status: 'open', assigneeId: ME });
    expect(
      queryOf(
        {
          ...DEFAULT_VIEW,
          status: 'any',
          assignee: 'unassigned',
          channel: 'web',
          label: LABEL,
          unreadOnly: true,
          sort: 'createdAt',
          q: 'ana',
        },
        ME,
      ),
    ).toEqual({
      unassigned: true,
      channel: 'web',
      label: LABEL,
      unreadOnly: true,
      sort: 'createdAt',
      q: 'ana',
    });
    expect(queryOf({ ...DEFAULT_VIEW, assignee: BOB }, ME)).toEqual({ status: 'open', assigneeId: BOB });
  });
});
