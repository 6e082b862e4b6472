/** Every room name on /chat comes from here. */
export const chatRooms = {
  /** All staff sockets: presence. */
  staff: 'staff',
  /** Admins and supervisors: they see every conversation. */
  supervisors: 'staff:all',
  /** Agents: they see unassigned conversations. */
  agents: 'role:agent',
  /** Every contact socket: what only staff may see goes to a conversation's room except these. */
  contacts: 'role:contact',
  /** Every socket of one user (staff or contact), on any node. */
  user: (userId: string) => `user:${userId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
} as const;
