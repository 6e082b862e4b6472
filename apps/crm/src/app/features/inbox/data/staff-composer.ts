import { DestroyRef, Injectable, computed, effect, inject, signal, untracked, type Signal } from '@angular/core';
import { roleGroups, type CannedResponse, type Mentionable } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import type {
  ComposerAssist,
  ComposerInput,
  ComposerSuggestionList,
} from '../../../common/ui/chat/composer-suggestions';
import { CannedResponsesApi } from '../../canned-responses/data/canned-responses.api';
import { fillVariables, type CannedValues } from '../../canned-responses/data/canned-variables';
import { matchCanned, matchPeople, mentionTrigger, slashTrigger } from './composer-triggers';
import { ConversationStore } from './conversation.store';
import { InboxApi } from './inbox.api';
import { InboxSocket } from './inbox.socket';

/** A list shows at most this many choices; typing more narrows it. */
export const MAX_SUGGESTIONS = 20;
/** Canned replies are read in pages of this size, up to CANNED_MAX_PAGES (a team has dozens, not thousands). */
const CANNED_PAGE_SIZE = 100;
const CANNED_MAX_PAGES = 10;
const CONVERSATION_ROLES = new Set<string>(roleGroups.inbox);

/**
 * What the staff composer offers beyond the widget's (provided by the conversation page, never by
 * the widget): `/` canned replies with `{{variables}}` filled from the open conversation, and in a
 * note `@` colleagues to mention. Colleagues come from GET /api/users, which only admins and
 * supervisors may call; an agent is offered the staff who took part in the conversation (its
 * assignee and the agents who wrote in it).
 */
@Injectable()
export class StaffComposer {
  private readonly conversation = inject(ConversationStore);
  private readonly auth = inject(AuthStore);
  private readonly cannedApi = inject(CannedResponsesApi);
  private readonly inboxApi = inject(InboxApi);
  private readonly i18n = inject(I18nService);

  private readonly _canned = signal<CannedResponse[] | undefined>(undefined);
  private readonly _cannedFailed = signal(false);
  private readonly _team = signal<Mentionable[] | null>(null);
  private cannedGeneration = 0;

  /** The team's canned replies (undefined until the first load). */
  readonly canned = this._canned.asReadonly();

  /** Colleagues whose mentions are highlighted: everyone known, the viewer too (others mention them). */
  readonly mentionables: Signal<readonly Mentionable[]> = computed(() => {
    const team = this._team();
    if (team) return team;
    const seen = new Map<string, string>();
    const assignee = this.conversation.conversation()?.assignee;
    if (assignee) seen.set(assignee.id, assignee.name);
    for (const { message } of this.conversation.items()) {
      if (message.sender.type === 'agent' && message.sender.id) seen.set(message.sender.id, message.sender.name);
    }
    const me = this.auth.user();
    if (me) seen.set(me.id, me.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  });
  /** Who the `@` list offers: nobody mentions themselves. */
  private readonly choices = computed(() => {
    const me = this.auth.user()?.id;
    return this.mentionables().filter((p) => p.id !== me);
  });
  /** What `{{variables}}` stand for in the open conversation. */
  readonly values: Signal<CannedValues> = computed(() => {
    const contact = this.conversation.conversation()?.contact;
    return {
      'contact.name': contact?.name || null,
      'contact.email': contact?.email || null,
      'contact.phone': contact?.phone || null,
      'agent.name': this.auth.user()?.name || null,
    };
  });

  readonly assist: Signal<ComposerAssist> = computed(() => {
    const canned = this._canned();
    const failed = this._cannedFailed();
    const choices = this.choices();
    const values = this.values();
    const wholeTeam = this._team() !== null;
    return (input) =>
      this.cannedList(input, canned, failed, values) ??
      (input.note ? this.mentionList(input, choices, wholeTeam) : null);
  });

  constructor() {
    const socket = inject(InboxSocket);
    // Read again for each conversation opened and after each reconnect: another agent may have
    // added a reply meanwhile, and nothing announces that.
    effect(() => {
      if (this.conversation.conversationId()) untracked(() => void this.loadCanned());
    });
    const reconnects = socket.connected$().subscribe(() => void this.loadCanned());
    inject(DestroyRef).onDestroy(() => reconnects.unsubscribe());
    if (this.auth.hasRole(roleGroups.managers)) void this.loadTeam();
  }

  async loadCanned(): Promise<void> {
    const generation = ++this.cannedGeneration;
    try {
      const all: CannedResponse[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < CANNED_MAX_PAGES; page++) {
        const answer = await this.cannedApi.list({ limit: CANNED_PAGE_SIZE, cursor });
        all.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      if (generation !== this.cannedGeneration) return;
      this._canned.set(all);
      this._cannedFailed.set(false);
    } catch {
      // What was loaded before stays usable; with nothing loaded the list says it failed.
      if (generation === this.cannedGeneration) this._cannedFailed.set(true);
    }
  }

  private async loadTeam(): Promise<void> {
    try {
      const users = await this.inboxApi.assignableUsers();
      this._team.set(
        users.filter((u) => u.active && CONVERSATION_ROLES.has(u.role)).map((u) => ({ id: u.id, name: u.name })),
      );
    } catch {
      // Without the team list the colleagues seen in the conversation are offered.
    }
  }

  private cannedList(
    input: ComposerInput,
    canned: CannedResponse[] | undefined,
    failed: boolean,
    values: CannedValues,
  ): ComposerSuggestionList | null {
    const trigger = slashTrigger(input.text, input.caret);
    if (!trigger) return null;
    const base = { kind: 'canned', from: trigger.from, to: trigger.to, title: this.i18n.t('composer.canned.title') };
    if (!canned)
      return { ...base, items: [], empty: this.i18n.t(failed ? 'composer.canned.failed' : 'composer.canned.loading') };
    const items = matchCanned(canned, trigger.query)
      .slice(0, MAX_SUGGESTIONS)
      .map((reply) => {
        const filled = fillVariables(reply.content, values);
        return {
          id: reply.id,
          label: `/${reply.shortCode}`,
          detail: filled.text,
          warning:
            filled.unfilled.length > 0
              ? this.i18n.t('composer.canned.unfilled', { variables: filled.unfilled.join(', ') })
              : null,
          insert: filled.text,
        };
      });
    const empty =
      canned.length === 0
        ? this.i18n.t('composer.canned.none')
        : this.i18n.t('composer.canned.noMatch', { query: trigger.query });
    return { ...base, items, empty };
  }

  private mentionList(
    input: ComposerInput,
    choices: readonly Mentionable[],
    wholeTeam: boolean,
  ): ComposerSuggestionList | null {
    const trigger = mentionTrigger(input.text, input.caret);
    if (!trigger) return null;
    const matches = matchPeople(choices, trigger.query);
    // A space after a name nobody has: the note simply goes on.
    if (matches.length === 0 && /\s/.test(trigger.query)) return null;
    return {
      kind: 'mention',
      from: trigger.from,
      to: trigger.to,
      title: this.i18n.t(wholeTeam ? 'composer.mention.team' : 'composer.mention.inConversation'),
      items: matches.slice(0, MAX_SUGGESTIONS).map((p) => ({ id: p.id, label: p.name, insert: `@${p.name} ` })),
      empty: this.i18n.t(choices.length === 0 ? 'composer.mention.nobody' : 'composer.mention.noMatch'),
    };
  }
}
