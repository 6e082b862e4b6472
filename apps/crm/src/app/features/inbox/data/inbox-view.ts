import type { Channel, ConversationSort } from '@switchboard/contracts/types';
import type { ConversationQuery } from './inbox.api';

export const INBOX_TABS = ['mine', 'unassigned', 'all', 'closed'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export const STATUS_FILTERS = ['open', 'closed', 'any'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
/** `me`, `unassigned`, `anyone`, or one agent's id. */
export type AssigneeFilter = 'me' | 'unassigned' | 'anyone' | (string & {});
export const CHANNELS: readonly Channel[] = ['web', 'whatsapp', 'internal'];
export const INBOX_SORTS: readonly ConversationSort[] = ['lastActivity', 'waitingLongest', 'createdAt'];

/** What the conversation list shows: one state of the filters and the order, kept in the URL. */
export interface InboxView {
  status: StatusFilter;
  assignee: AssigneeFilter;
  channel: Channel | null;
  /** A label's id. */
  label: string | null;
  unreadOnly: boolean;
  sort: ConversationSort;
  /** Words matched by the server against the contact, the subject and the externalRef. */
  q: string | null;
}

/** The tabs are named presets of status and assignee; the other filters stay as they are. */
const TAB_PRESETS: Record<InboxTab, Pick<InboxView, 'status' | 'assignee'>> = {
  mine: { status: 'open', assignee: 'me' },
  unassigned: { status: 'open', assignee: 'unassigned' },
  all: { status: 'open', assignee: 'anyone' },
  closed: { status: 'closed', assignee: 'anyone' },
};

export const DEFAULT_VIEW: InboxView = {
  ...TAB_PRESETS.all,
  channel: null,
  label: null,
  unreadOnly: false,
  sort: 'lastActivity',
  q: null,
};

/**
 * The query parameters of a view. `tab` stands for status and assignee when they are a tab's
 * preset (the dashboard links to `?tab=unassigned`); `seq` belongs to the open conversation
 * (the message to show), not to the list.
 */
export const VIEW_PARAMS = ['tab', 'status', 'assignee', 'channel', 'label', 'unread', 'sort', 'q'] as const;
export const MESSAGE_PARAM = 'seq';
const Q_MIN = 2;
const Q_MAX = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

export function withTab(view: InboxView, tab: InboxTab): InboxView {
  return { ...view, ...TAB_PRESETS[tab] };
}

/** The tab whose preset the view's status and assignee are, if any. */
export function tabOf(view: InboxView): InboxTab | null {
  return (
    INBOX_TABS.find((tab) => TAB_PRESETS[tab].status === view.status && TAB_PRESETS[tab].assignee === view.assignee) ??
    null
  );
}

/**
 * The view a URL asks for. Anything unknown or malformed falls back to the default of that one
 * filter, so an old or hand-edited link still opens a list. `meId` turns an assignee that is the
 * viewer into `me`.
 */
export function parseView(param: (name: string) => string | null, meId: string | null): InboxView {
  const tab = param('tab');
  const view: InboxView = { ...DEFAULT_VIEW, ...(oneOf(INBOX_TABS, tab) ? TAB_PRESETS[tab] : {}) };
  const status = param('status');
  if (oneOf(STATUS_FILTERS, status)) view.status = status;
  const assignee = param('assignee');
  if (assignee === 'me' || assignee === 'unassigned' || assignee === 'anyone') view.assignee = assignee;
  else if (assignee && UUID.test(assignee))
    view.assignee = assignee.toLowerCase() === meId?.toLowerCase() ? 'me' : assignee.toLowerCase();
  const channel = param('channel');
  if (oneOf(CHANNELS, channel)) view.channel = channel;
  const label = param('label');
  if (label && UUID.test(label)) view.label = label.toLowerCase();
  view.unreadOnly = param('unread') === 'true';
  const sort = param('sort');
  if (oneOf(INBOX_SORTS, sort)) view.sort = sort;
  view.q = normalizedQuery(param('q'));
  return view;
}

/** A list search as the server takes it (2 to 200 characters once trimmed), else none. */
export function normalizedQuery(value: string | null | undefined): string | null {
  const q = value?.trim() ?? '';
  return q.length >= Q_MIN ? q.slice(0, Q_MAX) : null;
}

/**
 * The query parameters of a view, the defaults left out (every view parameter is present, null
 * when unused, so that a navigation replaces the previous ones).
 */
export function viewParams(view: InboxView): Record<(typeof VIEW_PARAMS)[number], string | null> {
  const tab = tabOf(view);
  return {
    tab: tab && tab !== 'all' ? tab : null,
    status: tab ? null : view.status,
    assignee: tab ? null : view.assignee,
    channel: view.channel,
    label: view.label,
    unread: view.unreadOnly ? 'true' : null,
    sort: view.sort === DEFAULT_VIEW.sort ? null : view.sort,
    q: view.q,
  };
}

export function sameView(a: InboxView, b: InboxView): boolean {
  return (Object.keys(DEFAULT_VIEW) as (keyof InboxView)[]).every((key) => a[key] === b[key]);
}

/** How many filters differ from the default (status and assignee count when they are no tab). */
export function activeFilterCount(view: InboxView): number {
  const params = viewParams(view);
  return [params.status ?? params.assignee, params.channel, params.label, params.unread, params.q].filter(
    (v) => v !== null,
  ).length;
}

/** GET /api/conversations's filters for a view (`me` is the viewer's id; the default order is not sent). */
export function queryOf(view: InboxView, meId: string | null): ConversationQuery {
  const query: ConversationQuery = {};
  if (view.status !== 'any') query.status = view.status;
  if (view.assignee === 'me') {
    if (meId) query.assigneeId = meId;
  } else if (view.assignee === 'unassigned') query.unassigned = true;
  else if (view.assignee !== 'anyone') query.assigneeId = view.assignee;
  if (view.channel) query.channel = view.channel;
  if (view.label) query.label = view.label;
  if (view.unreadOnly) query.unreadOnly = true;
  if (view.q) query.q = view.q;
  if (view.sort !== DEFAULT_VIEW.sort) query.sort = view.sort;
  return query;
}
