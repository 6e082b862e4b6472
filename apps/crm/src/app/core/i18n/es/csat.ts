import type { csatEn } from '../en/csat';

/** Spanish text of the dashboard's customer satisfaction (CSAT) figures. */
export const csatEs: Record<keyof typeof csatEn, string> = {
  'csat.title': 'Satisfacción de clientes',
  'csat.hint':
    'Valoraciones (de 1 a 5) que los clientes dieron este mes a sus conversaciones cerradas del widget; por agente, el agente al que estaba asignada la conversación al valorarla.',
  'csat.average': 'Valoración media',
  'csat.count': '{count} valoraciones este mes',
  'csat.none': 'Aún no hay valoraciones este mes.',
  'csat.score': '{score} ★',
  'csat.scoreCount': '{score} estrellas: {count}',
  'csat.agentColumn': 'CSAT',
  'csat.agentHint': 'Valoración media este mes (cuántas valoraciones)',
};
