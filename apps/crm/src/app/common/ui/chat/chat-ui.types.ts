import type { MessageStatus } from '@switchboard/contracts/types';

/** pending/failed while our own message waits for (or lost) its ack; the server's status after. */
export type DeliveryStatus = 'pending' | 'failed' | MessageStatus;

/** What a reply shows of the message it answers. `text` null: not loaded ("original message"). */
export interface QuotedMessage {
  name: string;
  text: string | null;
  deleted: boolean;
}

/** The reaction picker's choices. */
export const REACTION_EMOJIS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
