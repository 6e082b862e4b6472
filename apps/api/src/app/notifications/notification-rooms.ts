/** Every room name on /notifications comes from here. */
export const notificationRooms = {
  /** Every socket of one user, on any node: all their tabs stay in step. */
  user: (userId: string) => `user:${userId}`,
} as const;
