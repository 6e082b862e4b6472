/** Every room name on /chat comes from here. */
export const chatRooms = {
  /** All staff sockets: presence and, filtered by role, the inbox list. */
  staff: 'staff',
  /** Every socket of one user (staff or contact), on any node. */
  user: (userId: string) => `user:${userId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
} as const;
