import type { MessageType } from '@switchboard/contracts/types';

/** The message type a file is sent as, from its MIME type. */
export function messageTypeForMime(mimeType: string): MessageType {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}
