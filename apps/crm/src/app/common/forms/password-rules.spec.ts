import { passwordSchema } from '@switchboard/contracts';
import { PASSWORD_MAX_BYTES } from '@switchboard/contracts/types';
import { newPasswordError } from './password-rules';

describe('password rules', () => {
  it('accept exactly the passwords the contract accepts', () => {
    const cases = [
      '',
      'short12',
      'eight ch',
      '        ',
      'x'.repeat(PASSWORD_MAX_BYTES),
      'x'.repeat(PASSWORD_MAX_BYTES + 1),
      // Two bytes each: 36 fit, 37 do not although they are far fewer than 72 characters.
      'ñ'.repeat(36),
      'ñ'.repeat(37),
      // Three and four bytes each (an emoji is two UTF-16 units, so its length says 2 per emoji).
      '€'.repeat(24),
      '€'.repeat(25),
      '🔑'.repeat(18),
      '🔑'.repeat(19),
      'ab\uD800cdefgh',
    ];
    for (const password of cases) {
      expect({ password, accepted: newPasswordError(password) === null }).toEqual({
        password,
        accepted: passwordSchema.safeParse(password).success,
      });
    }
  });

  it('say which rule a password breaks', () => {
    expect(newPasswordError('short')).toEqual({ key: 'password.error.tooShort', params: { min: 8 } });
    expect(newPasswordError('ñ'.repeat(37))).toEqual({ key: 'password.error.tooLong', params: { max: 72 } });
    expect(newPasswordError('a fine password')).toBeNull();
  });
});
