import { recipientColumns, templateMappingProblems } from './template-mapping';

describe('template variable mapping', () => {
  const columns = recipientColumns([
    { phone: '+34600000001', name: 'Ana', variables: { city: 'Madrid' } },
    { phone: '+34600000002', variables: { code: 'X1' } },
  ]);

  it('knows the columns the recipients bring', () => {
    expect([...columns].sort()).toEqual(['city', 'code', 'name']);
  });

  it('accepts variables mapped to known columns, alone or within text', () => {
    expect(templateMappingProblems(['{{name}}', 'en {{city}}', 'fijo'], columns)).toEqual([]);
  });

  it('refuses an unmapped variable and one mapped to an unknown column', () => {
    expect(templateMappingProblems(['{{name}}', ' ', '{{ciudad}}'], columns)).toEqual([
      { path: 'template.variables.1', message: '{{2}} is not mapped to a column' },
      { path: 'template.variables.2', message: '{{3}} uses "ciudad", which is not a column of the recipients' },
    ]);
  });
});
