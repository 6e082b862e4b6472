import { signal } from '@angular/core';
import type { Attachment, Message, MessageType } from '@switchboard/contracts/types';
import { type ApiError, toApiError } from '../../../core/http/api-error';
import { RealtimeError } from '../../../core/realtime/realtime.types';
import { messageTypeForMime } from './attachment-type';
import type { ConversationBackend } from './conversation-backend';
import { SEND_TIMEOUT_MS, type InboxSocket } from './inbox.socket';
import type { OpenConversation } from './open-conversation';
import type { Outbox } from './outbox';
import type { SendPayload } from './unsent-messages';

/** A WhatsApp template to send: `{{1}}`… of its body filled with `variables`. */
export interface TemplateChoice {
  name: string;
  language: string;
  variables: string[];
}

export interface SendOptions {
  replyToId?: string | null;
  attachment?: Attachment;
  private?: boolean;
}

/** What a send means for the rest of the view. */
export interface SendEffects {
  /** The server stored it (the ack): it joins the thread. */
  stored(messages: readonly Message[]): void;
  /** Refused as free text outside WhatsApp's 24-hour window. */
  refusedByWindow(): void;
  /** A send goes out: the viewer is no longer typing. */
  sending(): void;
}

/**
 * The viewer's sends: texts, templates and uploads, shown at once as pending in the outbox,
 * failed when refused or unanswered (with Retry and Discard), and sent again after a reconnect.
 */
export class ComposerStore {
  private readonly _uploading = signal(false);
  private readonly _uploadError = signal<ApiError | null>(null);

  readonly uploading = this._uploading.asReadonly();
  readonly uploadError = this._uploadError.asReadonly();

  constructor(
    private readonly socket: InboxSocket,
    private readonly backend: ConversationBackend,
    private readonly room: OpenConversation,
    private readonly outbox: Outbox,
    private readonly effects: SendEffects,
  ) {}

  /**
   * Sends a text (or an uploaded attachment) at once as pending; the ack turns it into the stored
   * message. `private`: a note for staff, which the contact never gets.
   */
  send(content: string, options: SendOptions = {}): void {
    const conversationId = this.room.id();
    if (!conversationId) return;
    const type: MessageType = options.attachment ? messageTypeForMime(options.attachment.mimeType) : 'text';
    this.queue({
      conversationId,
      clientMessageId: crypto.randomUUID(),
      type,
      content,
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
      ...(options.attachment ? { attachment: options.attachment } : {}),
      ...(options.private ? { private: true } : {}),
    });
  }

  /**
   * Sends a WhatsApp template (allowed outside the 24-hour window). `preview` is what the stand-in
   * shows until the server's rendering of the template arrives.
   */
  sendTemplate(template: TemplateChoice, preview: string): void {
    const conversationId = this.room.id();
    if (!conversationId) return;
    this.queue({
      conversationId,
      clientMessageId: crypto.randomUUID(),
      type: 'text',
      content: preview,
      template: { name: template.name, language: template.language, variables: [...template.variables] },
    });
  }

  /** Sends a failed message again with the same clientMessageId, so the server cannot store it twice. */
  retry(clientMessageId: string): void {
    const entry = this.outbox.find(clientMessageId);
    if (!entry || entry.status !== 'failed') return;
    this.outbox.mark(clientMessageId, 'pending', false);
    void this.deliver(entry.payload);
  }

  async upload(file: File, replyToId?: string | null, note = false): Promise<boolean> {
    const conversationId = this.room.id();
    if (!conversationId) return false;
    this._uploading.set(true);
    this._uploadError.set(null);
    try {
      const attachment = await this.backend.upload(file, conversationId);
      if (this.room.id() !== conversationId) return false;
      this.send('', { attachment, replyToId, private: note });
      return true;
    } catch (error) {
      this._uploadError.set(toApiError(error));
      return false;
    } finally {
      this._uploading.set(false);
    }
  }

  /** The user dismissed the upload error, or moved on (sent something else, or another conversation). */
  clearUploadError(): void {
    this._uploadError.set(null);
  }

  /**
   * After a (re)join, messages still waiting, written while offline, or left unanswered when
   * the connection went, are sent again (same clientMessageId: the server stores each once).
   */
  resendWaiting(): void {
    for (const entry of this.outbox.waiting()) {
      if (entry.status === 'failed') this.outbox.mark(entry.payload.clientMessageId, 'pending', false);
      void this.deliver(entry.payload);
    }
  }

  /** Shows a send at once as pending, then delivers it; an old upload error is past news then. */
  private queue(payload: SendPayload): void {
    this._uploadError.set(null);
    this.outbox.add(payload);
    this.effects.sending();
    void this.deliver(payload);
  }

  private async deliver(payload: SendPayload): Promise<void> {
    const generation = this.room.generation;
    try {
      const { message } = await this.socket.emit('chat_message', payload, SEND_TIMEOUT_MS);
      if (this.room.isCurrent(generation)) this.effects.stored([message]);
    } catch (error) {
      if (!this.room.isCurrent(generation)) return;
      // Not connected: it stays pending, and goes out when the connection returns (resendWaiting).
      if (error instanceof RealtimeError && error.code === 'offline') return;
      const refused = isWindowRefusal(error);
      // The window is closed whatever our clock says: templates only until the customer writes again.
      if (refused) this.effects.refusedByWindow();
      this.outbox.mark(
        payload.clientMessageId,
        'failed',
        refused,
        error instanceof RealtimeError && error.code === 'timeout',
      );
    }
  }
}

/** The server's 409 for free text outside WhatsApp's 24-hour window (`details[0].path === 'template'`). */
function isWindowRefusal(error: unknown): boolean {
  return error instanceof RealtimeError && error.code === 'conflict' && error.details[0]?.path === 'template';
}
