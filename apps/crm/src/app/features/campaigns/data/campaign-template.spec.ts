import { chooseTemplate, fullyMapped, templateSetting } from './campaign-template';
import { mappableColumns, pastedColumns } from './recipients-input';

const promo = { id: 't1', name: 'promo', language: 'es', body: 'Hola {{1}}, {{2}}', variableCount: 2 };

describe('template campaigns', () => {
  it('reads the columns a variable can be mapped to from a CSV header', () => {
    expect(mappableColumns('Telefono;Nombre;Ciudad;código')).toEqual(['name', 'ciudad', 'c_digo']);
    expect(pastedColumns('+34600000001,Ana')).toEqual(['name']);
  });

  it('needs a column for every variable, and sends each as {{column}}', () => {
    const choice = chooseTemplate(promo, null, ['name', 'city']);
    expect(choice.columns).toEqual(['', '']);
    expect(fullyMapped(choice, ['name', 'city'])).toBe(false);
    const mapped = { ...choice, columns: ['name', 'city'] };
    expect(fullyMapped(mapped, ['name', 'city'])).toBe(true);
    expect(fullyMapped(mapped, ['name'])).toBe(false);
    expect(templateSetting(mapped)).toEqual({ name: 'promo', language: 'es', variables: ['{{name}}', '{{city}}'] });
  });

  it('keeps the mapping of the same template where the columns still exist', () => {
    const mapped = { template: promo, columns: ['name', 'city'] };
    expect(chooseTemplate(promo, mapped, ['name']).columns).toEqual(['name', '']);
  });
});
