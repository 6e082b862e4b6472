import bcrypt from 'bcryptjs';

const COST = 10;
// Compared against when the email is unknown, so a miss costs as much time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('switchboard-timing-equaliser', COST);

export const hashPassword = (plain: string): Promise<string> => bcrypt.hash(plain, COST);

export const verifyPassword = (plain: string, hash: string | undefined): Promise<boolean> =>
  bcrypt.compare(plain, hash ?? DUMMY_HASH).then((match) => match && hash !== undefined);
