import { AppError } from '../../common/errors/app-error';
import { renderTemplate } from './template-render';

describe('renderTemplate', () => {
  it('fills {{n}} with the n-th variable, repeated placeholders included', () => {
    expect(renderTemplate('Hola {{1}}, tu pedido {{2}} está listo. {{1}}, gracias', ['Ana', '#42'])).toBe(
      'Hola Ana, tu pedido #42 está listo. Ana, gracias',
    );
    expect(renderTemplate('Sin variables', [])).toBe('Sin variables');
  });

  it('refuses a wrong number of variables as validation_failed on template.variables', () => {
    let error: unknown;
    try {
      renderTemplate('Hola {{1}}', []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).details?.[0].path).toBe('template.variables');
  });

  it('a variable that looks like a placeholder is not expanded again', () => {
    expect(renderTemplate('{{1}} y {{2}}', ['{{2}}', 'b'])).toBe('{{2}} y b');
  });
});
