import type { User } from '@switchboard/contracts';
import type { UserEntity } from './entities/user.entity';

export const toUser = (u: UserEntity): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
});
