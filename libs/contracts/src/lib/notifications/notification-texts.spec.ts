import { notificationTypes } from './notifications.schema';
import { renderNotification } from './notification-texts';

describe('notification texts', () => {
  it('say every type in English and in Spanish from the same parameters', () => {
    const created = { contactName: 'Ema', channel: 'web', subject: null };
    expect(renderNotification('conversation.created', created, 'en')).toEqual({
      title: 'New conversation with Ema',
      body: 'A new web chat conversation is waiting',
    });
    expect(renderNotification('conversation.created', created, 'es')).toEqual({
      title: 'Nueva conversación con Ema',
      body: 'Una nueva conversación de chat web está esperando',
    });
    expect(
      renderNotification('campaign.failed', { campaignName: 'Black Friday', sent: 3, failed: 1, error: null }, 'es'),
    ).toEqual({ title: 'La campaña "Black Friday" falló', body: '3 enviados, 1 fallidos' });
    for (const type of notificationTypes)
      for (const language of ['en', 'es'] as const) {
        const { title } = renderNotification(
          type,
          { contactName: 'X', senderName: 'X', campaignName: 'X', channel: 'whatsapp' },
          language,
        );
        expect(title).not.toBe(type);
        expect(title.length).toBeGreaterThan(3);
      }
  });

  it('render an incomplete row with what it has instead of failing the list', () => {
    expect(renderNotification('conversation.assigned', {}, 'en')).toEqual({
      title: ' was assigned to you',
      body: 'Open it to reply',
    });
    expect(renderNotification('something.new', {}, 'es')).toEqual({ title: 'something.new', body: '' });
  });
});
