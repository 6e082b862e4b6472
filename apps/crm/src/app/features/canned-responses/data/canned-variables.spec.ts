import { fillVariables, type CannedValues } from './canned-variables';

const values: CannedValues = {
  'contact.name': 'Carla Pérez',
  'contact.email': 'carla@example.com',
  'contact.phone': null,
  'agent.name': 'Bruno',
};

describe('fillVariables', () => {
  it('fills the contact and agent variables from the conversation', () => {
    expect(fillVariables('Hola {{contact.name}}, soy {{agent.name}}. Te escribo a {{contact.email}}.', values)).toEqual(
      {
        text: 'Hola Carla Pérez, soy Bruno. Te escribo a carla@example.com.',
        unfilled: [],
      },
    );
  });

  it('accepts spaces inside the braces and any case, and fills every occurrence', () => {
    expect(fillVariables('{{ Contact.Name }} / {{contact.name}}', values).text).toBe('Carla Pérez / Carla Pérez');
  });

  it('leaves unknown variables and those without a value as written, and names each once', () => {
    expect(
      fillVariables('Pedido {{order.id}} para {{contact.name}}; llamamos al {{contact.phone}} ({{order.id}})', values),
    ).toEqual({
      text: 'Pedido {{order.id}} para Carla Pérez; llamamos al {{contact.phone}} ({{order.id}})',
      unfilled: ['{{order.id}}', '{{contact.phone}}'],
    });
  });

  it('leaves text that only looks like a variable alone', () => {
    expect(fillVariables('{single} {{}} {{ two words }}', values)).toEqual({
      text: '{single} {{}} {{ two words }}',
      unfilled: [],
    });
  });
});
