/** /bulk rooms: every socket is in `campaigns` (status changes); `subscribe` adds one campaign's room (progress). */
export const ALL_CAMPAIGNS_ROOM = 'campaigns';
export const campaignRoom = (campaignId: string) => `campaign:${campaignId}`;
