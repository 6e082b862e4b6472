import * as defaultParser from 'socket.io-parser';
import { EncodedPayload, socketIoParser } from './encoded-payload';

const event = (nsp: string, data: unknown[], id?: number): defaultParser.Packet => ({
  type: defaultParser.PacketType.EVENT,
  nsp,
  data,
  id,
});

describe('pre-encoded payloads', () => {
  const encoder = new socketIoParser.Encoder();
  const stock = new defaultParser.Encoder();
  const payload = { message: { id: 'm1', content: 'hola "tú"\n', seq: 3 }, conversation: { labels: [] } };

  it('goes out exactly as the stock encoder writes the payload it stands for', () => {
    const pre = encoder.encode(event('/chat', ['new_message', new EncodedPayload(JSON.stringify(payload))]));
    expect(pre).toEqual(stock.encode(event('/chat', ['new_message', payload])));
    expect(encoder.encode(event('/', ['x', new EncodedPayload('{"a":1}')]))).toEqual(
      stock.encode(event('/', ['x', { a: 1 }])),
    );
  });

  it('is read back by the stock decoder as the payload', () => {
    const [frame] = encoder.encode(event('/chat', ['new_message', new EncodedPayload(JSON.stringify(payload))]));
    const decoder = new defaultParser.Decoder();
    const got: defaultParser.Packet[] = [];
    decoder.on('decoded', (p: defaultParser.Packet) => got.push(p));
    decoder.add(frame as string);
    expect(got[0]).toMatchObject({ nsp: '/chat', data: ['new_message', payload] });
  });

  it('leaves every other packet to the stock encoder: acks, binary parts, plain payloads', () => {
    const plain = event('/chat', ['new_message', payload]);
    expect(encoder.encode(plain)).toEqual(stock.encode(plain));
    const acked = event('/chat', ['x', { a: 1 }], 7);
    expect(encoder.encode(acked)).toEqual(stock.encode(acked));
    const binary = event('/chat', ['file', Buffer.from('abc')]);
    expect(encoder.encode(binary)).toEqual(stock.encode(binary));
  });
});
