import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import pino from 'pino';
import { NestPinoLogger } from './nest-pino-logger';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: new NestPinoLogger(pino({ level }, stream)), lines };
}

describe('NestPinoLogger', () => {
  it('writes what a named Nest logger says as one JSON line with its context', () => {
    const { logger, lines } = capture();
    logger.warn('disk almost full', 'Storage');
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'disk almost full', context: 'Storage' })]);
  });

  it("puts Nest's start-up lines (a line per route and module) at debug, out of an info log", () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/api/users, GET} route', 'RouterExplorer');
    logger.log('ChatModule dependencies initialized', 'InstanceLoader');
    logger.log('Created the first admin admin@example.com', 'FirstAdmin');
    expect(lines.map((l) => l['msg'])).toEqual(['Created the first admin admin@example.com']);
    const verbose = capture('debug');
    verbose.logger.log('Mapped {/api/users, GET} route', 'RouterExplorer');
    expect(verbose.lines).toEqual([expect.objectContaining({ level: 20, context: 'RouterExplorer' })]);
  });

  it('merges fields given first, pino style, and keeps the message', () => {
    const { logger, lines } = capture();
    logger.warn({ conversationId: 'c1', err: 'gone' }, 'not removed from the room', 'ChatPushes');
    expect(lines[0]).toMatchObject({
      level: 40,
      msg: 'not removed from the room',
      conversationId: 'c1',
      err: 'gone',
      context: 'ChatPushes',
    });
  });

  it('logs an Error as err with its stack, and Nest exception handlers’ (message, stack) the same way', () => {
    const { logger, lines } = capture();
    logger.error(new Error('boom'), 'Socket');
    logger.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      level: 50,
      context: 'Socket',
      err: { message: 'boom', stack: expect.stringContaining('boom') },
    });
    expect(lines[1]).toMatchObject({
      level: 50,
      context: 'ExceptionsHandler',
      err: { message: 'Unhandled', stack: expect.stringContaining('at somewhere') },
    });
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.log('started', 'App');
    logger.debug('details', 'App');
    expect(lines).toEqual([]);
  });

  it('serves Nest’s Logger once the app uses it', () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('Bulk').log('campaign started');
    } finally {
      Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
    }
    expect(lines[0]).toMatchObject({ level: 30, msg: 'campaign started', context: 'Bulk' });
  });
});
