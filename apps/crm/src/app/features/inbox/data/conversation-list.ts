import type { Conversation } from '@switchboard/contracts';

const activity = (c: Conversation) => c.lastMessageAt ?? c.createdAt;

/**
 * Applies a pushed conversation to the open-conversations list: only when newer than the copy
 * shown (`version`), dropping it once closed, newest activity first. Repeated or out-of-order
 * pushes leave the list unchanged.
 */
export function applyConversation(list: Conversation[], conversation: Conversation): Conversation[] {
  const current = list.find((c) => c.id === conversation.id);
  if (current && current.version >= conversation.version) return list;
  const others = list.filter((c) => c.id !== conversation.id);
  if (conversation.status !== 'open') return others;
  return [conversation, ...others].sort((a, b) => activity(b).localeCompare(activity(a)));
}
