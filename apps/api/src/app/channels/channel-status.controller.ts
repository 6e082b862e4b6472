import { Controller, Get } from '@nestjs/common';
import { WHATSAPP_WEBHOOK_PATH, type ChannelStatus, roleGroups } from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { ChannelHealthService } from './health/channel-health.service';

/** For the settings page: which provider runs, which WHATSAPP_* settings are present (never their values), the state. */
@Controller('channels/status')
export class ChannelStatusController {
  constructor(
    private readonly config: AppConfig,
    private readonly health: ChannelHealthService,
  ) {}

  @Get()
  @Roles(...roleGroups.admins)
  get(): ChannelStatus {
    const env = this.config.env;
    return {
      provider: env.CHANNEL_PROVIDER,
      whatsappState: this.health.state,
      webhookPath: WHATSAPP_WEBHOOK_PATH,
      configured: {
        verifyToken: !!env.WHATSAPP_VERIFY_TOKEN,
        appSecret: !!env.WHATSAPP_APP_SECRET,
        token: !!env.WHATSAPP_TOKEN,
        phoneNumberId: !!env.WHATSAPP_PHONE_NUMBER_ID,
      },
      apiUrl: env.WHATSAPP_API_URL,
    };
  }
}
