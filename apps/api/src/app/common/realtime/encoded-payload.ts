import * as defaultParser from 'socket.io-parser';

/**
 * An event payload serialised already, emitted as it is. A message's frame is the same bytes on
 * every node that pushes it: the node that stores it serialises it once and ships those bytes in
 * its cluster note, and the others write them to their sockets without parsing and re-encoding
 * them (which, with Socket.IO's walk of every payload for binary parts, was a sixth of what a
 * receiving node spent per message).
 */
export class EncodedPayload {
  /** `json` must be what `JSON.stringify` gave for a payload of the event it is emitted as. */
  constructor(readonly json: string) {}
}

/**
 * Socket.IO's parser, with one addition: an event whose only argument is an EncodedPayload goes
 * out as the same string the default encoder would have made of the payload it stands for. What
 * reaches the wire, and the decoder, are unchanged, so clients use the stock parser.
 */
class Encoder extends defaultParser.Encoder {
  override encode(packet: defaultParser.Packet): ReturnType<defaultParser.Encoder['encode']> {
    const data = packet.data as unknown[] | undefined;
    if (packet.type === defaultParser.PacketType.EVENT && packet.id === undefined && data?.length === 2) {
      const [event, payload] = data;
      if (payload instanceof EncodedPayload) {
        const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
        return [`${packet.type}${nsp}[${JSON.stringify(event)},${payload.json}]`];
      }
    }
    return super.encode(packet);
  }
}

/** The `parser` option of the Socket.IO server. */
export const socketIoParser = { ...defaultParser, Encoder };
