import { Module } from '@nestjs/common';
import { CHANNEL_PROVIDER } from './providers/channel-provider';
import { SandboxProvider } from './providers/sandbox.provider';
import { SandboxOutboxController } from './sandbox-outbox.controller';

/**
 * Outbound channels. The sandbox provider is the default; the Cloud API provider, the webhook
 * and channel health arrive with the Channels issue.
 */
@Module({
  controllers: [SandboxOutboxController],
  providers: [SandboxProvider, { provide: CHANNEL_PROVIDER, useExisting: SandboxProvider }],
  exports: [CHANNEL_PROVIDER],
})
export class ChannelsModule {}
