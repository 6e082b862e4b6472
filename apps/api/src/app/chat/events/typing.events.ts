/** Someone started or stopped typing in a conversation. */
export interface TypingChange {
  conversationId: string;
  userId: string;
  name: string;
  isTyping: boolean;
}

/**
 * A node relayed (or saw) someone typing or stopping: the others forget their own timer for that
 * person and conversation, so exactly one node sends the automatic stop.
 */
export interface TypingNote {
  change: TypingChange;
  /** The start was relayed to the room just now (the once-a-second limit is shared). */
  relayed: boolean;
}

declare module '../../common/redis/cluster-bus' {
  interface ClusterTopicMap {
    'typing.moved': TypingNote;
  }
}
