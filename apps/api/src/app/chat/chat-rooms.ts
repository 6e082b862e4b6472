/** Every room name on /chat comes from here. */
export const chatRooms = {
  /** All staff sockets: presence. */
  staff: 'staff',
  /** Admins and supervisors: they see every conversation. */
  supervisors: 'staff:all',
  /** Agents: they see unassigned conversations. */
  agents: 'role:agent',
  /** Every socket of one user (staff or contact), on any node. */
  user: (userId: string) => `user:${userId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
} as const;
